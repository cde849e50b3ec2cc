package dev.hermes.worker;

import dev.hermes.worker.config.InvalidSettingException;
import dev.hermes.worker.config.ObservabilitySettings;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Entry point: configuration from the environment, SIGTERM drains and leaves the group cleanly. */
public final class WorkerMain {
    private WorkerMain() {}

    public static void main(String[] args) throws InterruptedException {
        NioBufferCache.cap();
        if (jsonLogs()) {
            System.setProperty("HERMES_LOG_FORMAT", "JSON");
        }
        Logger log = LoggerFactory.getLogger(WorkerMain.class);
        WorkerConfig config;
        try {
            config = new EnvConfig(System.getenv()).load();
        } catch (RuntimeException e) {
            log.error("invalid configuration: {}", e.getMessage());
            System.exit(2);
            return;
        }
        log.info("starting {}", config);
        Worker worker = new Wiring(config).start();
        java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
        Runnable drain = () -> {
            if (closed.compareAndSet(false, true)) {
                worker.close();
            }
        };
        // SIGTERM/SIGINT: drain on the main thread, then exit 0. The JVM's own handler would run the
        // shutdown hook and exit 128+signal (143), which orchestrators and systemd count as a failure.
        CountDownLatch signalled = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger exitCode = new java.util.concurrent.atomic.AtomicInteger();
        // the loop died or wedged: exit non-zero so the supervisor (compose, k8s, systemd) restarts the worker
        worker.loopDied().thenAccept(cause -> {
            log.error("request loop died; exiting with status 1 to be restarted", cause);
            exitCode.set(1);
            signalled.countDown();
        });
        for (String name : new String[] {"TERM", "INT"}) {
            sun.misc.Signal.handle(new sun.misc.Signal(name), s -> signalled.countDown());
        }
        // any other way out (System.exit, SIGHUP) still drains
        Runtime.getRuntime().addShutdownHook(new Thread(drain, "hermes-shutdown"));
        log.info("worker {} running; metrics on {}:{}", config.workerId(), config.httpHost(), worker.httpPort());
        signalled.await();
        if (exitCode.get() == 0) {
            drain.run();
        } else { // a wedged loop may never drain: give it the revoke timeout, then go
            Thread draining = new Thread(drain, "hermes-drain");
            draining.setDaemon(true);
            draining.start();
            draining.join(config.revokeTimeout().plusSeconds(10).toMillis());
        }
        System.exit(exitCode.get());
    }

    /** Read before logging starts; an invalid value is reported with the rest of the configuration below. */
    private static boolean jsonLogs() {
        try {
            return ObservabilitySettings.LOG_JSON.read(System.getenv());
        } catch (InvalidSettingException e) {
            return false;
        }
    }
}
