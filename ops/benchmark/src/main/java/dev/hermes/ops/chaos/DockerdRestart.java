package dev.hermes.ops.chaos;

import dev.hermes.schemas.HermesException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * f. (opt-in only) dockerd restarted in the middle of a burst of {@code burst} new families: stopped with
 * SIGTERM, started again the way ops/lib/docker.sh starts it, up once `docker info` answers (all through
 * {@code script}, ops/lib/dockerd-restart.sh). Without live-restore every container stops, the broker's
 * too: it is started again (same container, same fixed port) and the fault ends once it serves; the
 * workers' event watchers reconnect and re-list. With live-restore the daemon config gets {@code
 * "live-restore": true} first (reloaded, no restart) and the saved config is put back afterwards, also on
 * failure. Never in the default list: it disturbs everything else on the engine.
 */
public record DockerdRestart(boolean liveRestore, int burst, Path script) implements Fault {
    private static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(180);
    /**
     * A worker reads its engine's live-restore every 10th ping (one a second): after the reload, the fault waits that
     * long, so that the workers know their families' containers outlive the restart.
     */
    private static final Duration LIVE_RESTORE_SEEN = Duration.ofSeconds(11);
    /** The fault's marks: dockerd sent SIGTERM (the restart began), dockerd answering again (`docker info`). */
    static final String SIGTERM_MARK = "dockerd_sigterm_ms";

    static final String ANSWERS_MARK = "dockerd_answers_ms";

    @Override
    public String name() {
        return liveRestore ? "dockerd_restart_live" : "dockerd_restart";
    }

    @Override
    public String describe() {
        return "dockerd restarted (SIGTERM, started again) 1 s into a burst of " + burst + " new families, "
                + (liveRestore ? "with live-restore" : "without live-restore (every container stops)");
    }

    @Override
    public Window inject(ScenarioContext context) throws Exception {
        if (liveRestore) {
            run("live-restore-on");
            context.say("live-restore on (daemon config written, dockerd reloaded)");
            Thread.sleep(LIVE_RESTORE_SEEN.toMillis());
        }
        try {
            context.load().burst(burst);
            Thread.sleep(1000);
            long start = System.currentTimeMillis();
            context.say("restarting dockerd");
            run("restart");
            long answers = System.currentTimeMillis();
            context.say("dockerd answers again after %.1f s", (answers - start) / 1000.0);
            ChaosBroker broker = context.stack().broker();
            if (!broker.running()) {
                broker.startAgain();
                context.say("broker container started again");
            }
            broker.awaitServing(Duration.ofSeconds(120));
            context.say("broker serves");
            return new Window(start, System.currentTimeMillis(), Map.of(SIGTERM_MARK, start, ANSWERS_MARK, answers));
        } finally {
            if (liveRestore) {
                run("config-restore");
                context.say("daemon config restored");
            }
        }
    }

    private void run(String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(script.toString(), command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        if (!process.waitFor(SCRIPT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new DockerdRestartFailedException(script + " " + command + " did not finish in time");
        }
        if (process.exitValue() != 0) {
            throw new DockerdRestartFailedException(script + " " + command + " failed: exit " + process.exitValue());
        }
    }

    /** The restart script failed or hung. */
    static final class DockerdRestartFailedException extends HermesException {
        DockerdRestartFailedException(String message) {
            super(message);
        }
    }
}
