package dev.hermes.worker.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * A worker in its own JVM ({@code java -cp <this test classpath> dev.hermes.worker.WorkerMain}), so a
 * test can SIGKILL or SIGTERM it like an orchestrator would. Configured with {@link Stack#workerEnv}
 * plus a unique HERMES_WORKER_ID and a free HERMES_HTTP_PORT; stdout and stderr go to a file under
 * {@code target/worker-logs/}. Closing it kills the process if it is still alive.
 */
public final class WorkerProcess implements AutoCloseable {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final List<WorkerProcess> STARTED = new CopyOnWriteArrayList<>();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(1))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private final String workerId;
    private final int httpPort;
    private final Path log;
    private final Process process;

    private WorkerProcess(String workerId, int httpPort, Path log, Process process) {
        this.workerId = workerId;
        this.httpPort = httpPort;
        this.log = log;
        this.process = process;
    }

    /** Starts a worker process of {@code stack} and registers it with {@link Stack#closeLater}. */
    public static WorkerProcess start(Stack stack, Map<String, String> overrides) {
        String workerId = "proc-" + COUNTER.incrementAndGet() + "-"
                + UUID.randomUUID().toString().substring(0, 6);
        int port = freePort();
        Map<String, String> env = new HashMap<>(stack.workerEnv(overrides));
        env.put("HERMES_WORKER_ID", workerId);
        env.put("HERMES_HTTP_PORT", Integer.toString(port));
        env.put("HERMES_HTTP_HOST", "127.0.0.1");
        Path dir = Path.of("target", "worker-logs");
        Path log = dir.resolve(workerId + ".log").toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                "dev.hermes.worker.WorkerMain"));
        try {
            Files.createDirectories(dir);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
            builder.environment().putAll(env);
            WorkerProcess worker = new WorkerProcess(workerId, port, log, builder.start());
            STARTED.add(worker);
            stack.closeLater(worker);
            return worker;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a worker process", e);
        }
    }

    public static WorkerProcess start(Stack stack) {
        return start(stack, Map.of());
    }

    public String workerId() {
        return workerId;
    }

    public int httpPort() {
        return httpPort;
    }

    public long pid() {
        return process.pid();
    }

    public Path logFile() {
        return log;
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** Waits until {@code /readyz} answers 200; fails with the log's tail if the process dies or time runs out. */
    public WorkerProcess waitReady(Duration timeout) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/readyz"))
                .timeout(Duration.ofSeconds(2))
                .GET()
                .build();
        try {
            Awaitility.await("worker " + workerId + " ready")
                    .atMost(timeout)
                    .pollInterval(Duration.ofMillis(100))
                    .ignoreExceptionsInstanceOf(IOException.class)
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new AssertionError("worker " + workerId + " exited with " + process.exitValue()
                                    + " before it was ready\n" + tail(80));
                        }
                        return HTTP.send(request, HttpResponse.BodyHandlers.discarding())
                                        .statusCode()
                                == 200;
                    });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("worker " + workerId + " not ready within " + timeout + "\n" + tail(80), e);
        }
        return this;
    }

    /** The body of {@code GET /metrics}, or an empty string if the worker does not answer. */
    public String metrics() {
        try {
            return HTTP.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/metrics"))
                                    .timeout(Duration.ofSeconds(3))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** SIGTERM: the worker drains and leaves the group. */
    public void sigterm() {
        process.destroy();
    }

    /** SIGKILL: no drain, no commit, no leave; the group notices after the session timeout. */
    public void sigkill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                throw new AssertionError("worker " + workerId + " survived SIGKILL for 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Waits for the process to exit and returns its exit code; fails with the log's tail on timeout. */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("worker " + workerId + " still running " + timeout + " later\n" + tail(80));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return process.exitValue();
    }

    /** The log as text (empty if there is none yet). */
    public String log() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    /** The log lines that contain {@code text}. */
    public List<String> logLines(String text) {
        return log().lines().filter(line -> line.contains(text)).toList();
    }

    /** The last {@code lines} lines of the log, with a header naming the worker. */
    public String tail(int lines) {
        List<String> all = log().lines().toList();
        List<String> last = all.subList(Math.max(0, all.size() - lines), all.size());
        return "----- last " + last.size() + " lines of " + log + " (" + workerId + ", pid " + process.pid()
                + (process.isAlive() ? ", alive" : ", exited " + process.exitValue()) + ") -----\n"
                + String.join("\n", last) + "\n----- end of " + workerId + " -----";
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        STARTED.remove(this);
    }

    @Override
    public String toString() {
        return "WorkerProcess[" + workerId + ", pid " + process.pid() + ", http " + httpPort + "]";
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    /**
     * {@code @ExtendWith(WorkerProcess.TailOnFailure.class)}: when a test fails, prints the log tail of
     * every worker process it started (still registered), then rethrows.
     */
    public static final class TailOnFailure implements TestExecutionExceptionHandler {
        @Override
        public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
            for (WorkerProcess worker : STARTED) {
                System.err.println(worker.tail(60));
            }
            throw throwable;
        }
    }
}
