package dev.hermes.worker;

import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Entry point: configuration from the environment, SIGTERM drains and leaves the group cleanly. */
public final class WorkerMain {
    private WorkerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (Boolean.parseBoolean(System.getenv().getOrDefault("HERMES_LOG_JSON", "false"))) {
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
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            worker.close();
            stopped.countDown();
        }, "hermes-shutdown"));
        log.info("worker {} running; metrics on {}:{}", config.workerId(), config.httpHost(), worker.httpPort());
        stopped.await();
    }
}
