package dev.hermes.ops.bench;

import dev.hermes.schemas.HermesException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@link SimulatedFleetWorker} JVM: started with this JVM's classpath, its output copied to a log
 * file, its READY line parsed. Closing it closes its stdin and waits for it to drain, then kills it.
 */
public final class FleetWorkerProcess implements AutoCloseable {
    private static final Pattern READY = Pattern.compile("^READY http=(\\d+) pid=(\\d+) runtimes=(\\d+)");
    private final Process process;
    private final CompletableFuture<Integer> httpPort = new CompletableFuture<>();
    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();

    private FleetWorkerProcess(Process process, Path log) {
        this.process = process;
        Thread pump = new Thread(() -> pump(log), "bench-fleet-worker-output");
        pump.setDaemon(true);
        pump.start();
    }

    /** @param jvmOptions e.g. -Xmx512m; @param env the worker's whole environment */
    public static FleetWorkerProcess start(
            List<String> jvmOptions, Map<String, String> env, int users, int seed, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of(
                "-cp",
                System.getProperty("java.class.path"),
                SimulatedFleetWorker.class.getName(),
                Integer.toString(users),
                Integer.toString(seed)));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(env);
        Files.createDirectories(log.toAbsolutePath().getParent());
        return new FleetWorkerProcess(builder.start(), log);
    }

    /** Waits for the READY line; returns the worker's metrics port. */
    public int awaitReady(Duration timeout) throws Exception {
        try {
            return httpPort.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new HermesException(
                    "the simulated fleet worker did not get ready within " + timeout.toSeconds() + " s (see its log)");
        }
    }

    /** Sends "STATS" or "GC" and returns the parsed {@link MemoryReport} line. */
    public Map<String, Object> memory(boolean collectFirst) throws IOException, InterruptedException {
        return MemoryReport.parse(ask(collectFirst ? "GC" : "STATS"));
    }

    /** Sends "CPU" and returns the parsed {@link ThreadCpuReport} line. */
    public Map<String, Long> threadCpu() throws IOException, InterruptedException {
        return ThreadCpuReport.parse(ask("CPU"));
    }

    private String ask(String command) throws IOException, InterruptedException {
        process.getOutputStream().write((command + "\n").getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().flush();
        String line = answers.poll(30, TimeUnit.SECONDS);
        if (line == null) {
            throw new HermesException("the simulated fleet worker did not answer " + command + " within 30 s");
        }
        return line;
    }

    public long pid() {
        return process.pid();
    }

    private void pump(Path log) {
        try (BufferedReader in =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                out.println(line);
                out.flush();
                Matcher m = READY.matcher(line);
                if (line.startsWith(MemoryReport.PREFIX) || line.startsWith(ThreadCpuReport.PREFIX)) {
                    answers.add(line);
                } else if (m.find()) {
                    httpPort.complete(Integer.parseInt(m.group(1)));
                } else if (line.startsWith("FAILED")) {
                    httpPort.completeExceptionally(new HermesException("simulated fleet worker: " + line));
                }
            }
        } catch (IOException e) {
            httpPort.completeExceptionally(e);
        }
        httpPort.completeExceptionally(
                new HermesException("the simulated fleet worker exited (code " + exitCode() + "); see " + log));
    }

    private String exitCode() {
        try {
            return process.waitFor(5, TimeUnit.SECONDS) ? Integer.toString(process.exitValue()) : "still running";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    @Override
    public void close() throws InterruptedException {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // already closed
        }
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
