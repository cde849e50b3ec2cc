package dev.hermes.ops.bench;

import dev.hermes.client.RuntimeClient;
import dev.hermes.worker.docker.RuntimeLimits;
import dev.hermes.worker.spawn.ContainerSpecFactory;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs the selected figure groups one after another against the stack. A group that fails is
 * reported as an error row for each of its figures and the run goes on; what it made is cleaned up.
 */
public final class BenchRun {
    private final BenchStack stack;
    private final BenchOptions options;
    private final PrintStream progress;

    public BenchRun(BenchStack stack, BenchOptions options, PrintStream progress) {
        this.stack = stack;
        this.options = options;
        this.progress = progress;
    }

    public List<Figure> run() {
        List<Figure> figures = new ArrayList<>();
        for (FigureGroup group : FigureGroup.values()) {
            if (!options.runs(group)) {
                continue;
            }
            progress.printf("[bench] %s ...%n", group.label());
            long t0 = System.nanoTime();
            try {
                List<Figure> measured = withTimeout(group);
                figures.addAll(measured);
                measured.forEach(this::report);
            } catch (Exception e) {
                progress.printf("[bench]   %s FAILED: %s%n", group.label(), e);
                group.figures()
                        .forEach(
                                spec -> figures.add(spec.failed(e.getClass().getSimpleName() + ": " + e.getMessage())));
                cleanUpAfterFailure();
            }
            progress.printf(Locale.ROOT, "[bench] %s took %.1f s%n", group.label(), (System.nanoTime() - t0) / 1e9);
        }
        return figures;
    }

    private void report(Figure f) {
        if (f.notMeasured() != null) {
            progress.printf("[bench]   %s not measured: %s%n", f.name(), f.notMeasured());
            return;
        }
        progress.printf(
                Locale.ROOT,
                "[bench]   %s = %s %s (raw %s)%n",
                f.name(),
                FigureTable.number(f.system()),
                f.unit(),
                FigureTable.number(f.raw()));
    }

    /**
     * Measures on a daemon thread, so that a group that hangs (HERMES_BENCH_GROUP_TIMEOUT_SEC, default
     * the group's own: 420 s, 1200 s for burst2) is reported as an error and the run goes on, still bounded in time.
     */
    private List<Figure> withTimeout(FigureGroup group) throws Exception {
        long seconds =
                Long.parseLong(stack.env().get("HERMES_BENCH_GROUP_TIMEOUT_SEC", Long.toString(group.timeoutSec())));
        FutureTask<List<Figure>> task = new FutureTask<>(() -> measure(group, options.counts()));
        Thread thread = new Thread(task, "bench-" + group.label());
        thread.setDaemon(true);
        thread.start();
        try {
            return task.get(seconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            String stuckIn = topFrame(thread);
            task.cancel(true);
            throw new TimeoutException(
                    group.label() + " did not finish within " + seconds + " s (stuck in " + stuckIn + ")");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private static String topFrame(Thread thread) {
        for (StackTraceElement frame : thread.getStackTrace()) {
            if (frame.getClassName().startsWith("dev.hermes")) {
                return frame.getClassName() + "." + frame.getMethodName() + ":" + frame.getLineNumber();
            }
        }
        return "unknown";
    }

    private List<Figure> measure(FigureGroup group, BenchCounts counts) throws Exception {
        return switch (group) {
            case COLD -> new ColdFigure(stack, client(), rawSpawner()).measure(counts.cold());
            case RESUME -> new ResumeFigures(stack, client(), rawSpawner()).measure(counts.resume());
            case WARM -> new WarmFigures(stack, client()).measure(counts.warm());
            case BURST -> new BurstFigures(stack, client(), holClient(), rawSpawner()).measure(counts.burst());
            case BURST2 -> new TwoHostBurstFigure(stack, client()).measure(counts.burst2());
            case RECREATE -> new RecreateFigure(stack, client(), rawSpawner()).measure(counts.recreate());
            case HEARTBEATS -> new HeartbeatFigures(stack).measure(counts.heartbeats());
            case RESTORE -> new RestoreFigure(stack).measure(counts.restore());
            case AUDIT -> new AuditFigure(stack).measure(counts.audit());
            case FUZZ -> new FuzzFigures(stack, client(), progress).measure(counts.fuzz(), counts.fuzzAtRest());
        };
    }

    private RuntimeClient client;
    private RuntimeClient holClient;

    /** The benchmark's main client; reads reply partition HERMES_BENCH_REPLY_PARTITION (default: the last). */
    private RuntimeClient client() {
        if (client == null) {
            client = stack.client(replyPartition());
        }
        return client;
    }

    /** The head-of-line probe's own client, on the partition before the main client's. */
    private RuntimeClient holClient() {
        if (holClient == null) {
            holClient = stack.client(Math.max(0, replyPartition() - 1));
        }
        return holClient;
    }

    private int replyPartition() {
        return Integer.parseInt(stack.env()
                .get(
                        "HERMES_BENCH_REPLY_PARTITION",
                        Integer.toString(stack.fleet().partitions() - 1)));
    }

    /** Built per group from the settings in force now (a recreate bumps them). */
    private RawSpawner rawSpawner() {
        ContainerSpecFactory specs = new ContainerSpecFactory(
                stack.apiKeys(),
                stack.image(),
                stack.pluginsDir(),
                stack.agentPort(),
                "127.0.0.1",
                "hermes-bench-raw",
                Map.of(Janitor.LABEL_BENCH, "raw", Janitor.LABEL_RUN, stack.runId()),
                RuntimeLimits.defaults());
        return new RawSpawner(stack.docker(), specs, stack.settings().current(), stack.janitor(), stack.runId());
    }

    private void cleanUpAfterFailure() {
        try {
            stack.drains().undrainOurs();
            stack.janitor().cleanSystem();
            stack.janitor().cleanRaw();
            stack.janitor().cleanRawNetwork();
        } catch (RuntimeException e) {
            progress.printf("[bench]   cleanup after the failure: %s%n", e);
        }
    }
}
