package dev.hermes.ops.chaos;

import dev.hermes.schemas.HermesException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A real worker ({@code dev.hermes.worker.WorkerMain}) in its own JVM, so a fault can SIGKILL it. */
public final class ChaosWorker implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(1))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private final String id;
    private final int httpPort;
    private final Process process;

    private ChaosWorker(String id, int httpPort, Process process) {
        this.id = id;
        this.httpPort = httpPort;
        this.process = process;
    }

    /** Starts it with this JVM's classpath; {@code env} is its whole HERMES_ and Kafka configuration. */
    public static ChaosWorker start(String id, Map<String, String> env, Path logDir) {
        int port = FreePort.find();
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                "dev.hermes.worker.WorkerMain");
        try {
            Files.createDirectories(logDir);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            logDir.resolve(id + ".log").toFile()));
            builder.environment().keySet().removeIf(k -> k.startsWith("HERMES_") || k.startsWith("KAFKA_"));
            builder.environment().putAll(env);
            builder.environment().put("HERMES_WORKER_ID", id);
            builder.environment().put("HERMES_HTTP_PORT", Integer.toString(port));
            builder.environment().put("HERMES_HTTP_HOST", "127.0.0.1");
            return new ChaosWorker(id, port, builder.start());
        } catch (IOException e) {
            throw new HermesException("cannot start worker " + id + ": " + e.getMessage(), e);
        }
    }

    public String id() {
        return id;
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** Waits for /readyz 200. */
    public ChaosWorker awaitReady(Duration timeout) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/readyz"))
                .timeout(Duration.ofSeconds(2))
                .build();
        long until = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < until) {
            if (!process.isAlive()) {
                throw new HermesException("worker " + id + " exited with " + process.exitValue() + " before ready");
            }
            try {
                if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new HermesException("worker " + id + " not ready within " + timeout.toSeconds() + " s");
    }

    /** SIGKILL: no drain, no commit, no leave. */
    public void sigkill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** SIGTERM, then SIGKILL after 20 s. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                sigkill();
            }
        }
    }
}
