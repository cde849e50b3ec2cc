package dev.hermes.worker.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the non-Java clients (producer-client/node, producer-client/python) as the callers would: a process of
 * their own, configured by the environment. A missing tool fails the test, saying what to install: ops/test does.
 */
public final class ClientProcesses {
    static final Path ROOT = findRoot();
    public static final Path NODE_CLIENT = ROOT.resolve("producer-client/node");
    static final Path PYTHON_CLIENT = ROOT.resolve("producer-client/python");

    public record Result(int exitCode, String output) {}

    private ClientProcesses() {}

    /** Fails unless node and the Node client's node_modules (npm ci) are there. */
    public static void requireNode() {
        assertThat(runs(List.of("node", "--version")))
                .as("node is not installed: run ops/test (it installs what the tests need)")
                .isTrue();
        assertThat(NODE_CLIENT.resolve("node_modules/kafkajs/package.json"))
                .as("producer-client/node/node_modules is missing: run ops/test (npm ci in producer-client/node)")
                .exists();
    }

    /** Fails unless Debian's python3 with confluent_kafka is there. */
    static void requirePython() {
        assertThat(runs(List.of("/usr/bin/python3", "-c", "import confluent_kafka")))
                .as(
                        "python3-confluent-kafka is not installed: run ops/test (apt-get install -y python3-confluent-kafka)")
                .isTrue();
    }

    public static Result run(Path dir, Map<String, String> env, long timeoutSec, List<String> command)
            throws IOException, InterruptedException {
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process p = builder.start();
        p.getOutputStream().close();
        byte[][] out = new byte[1][];
        Thread reader = new Thread(() -> {
            try {
                out[0] = p.getInputStream().readAllBytes();
            } catch (IOException e) {
                out[0] = ("reading the output failed: " + e).getBytes(StandardCharsets.UTF_8);
            }
        });
        reader.start();
        if (!p.waitFor(timeoutSec, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            reader.join(5_000);
            throw new AssertionError(command + " did not finish within " + timeoutSec + " s:\n" + text(out[0]));
        }
        reader.join(10_000);
        return new Result(p.exitValue(), text(out[0]));
    }

    private static String text(byte[] bytes) {
        return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
    }

    private static boolean runs(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** The repository root: the tests run in worker/ under Maven, at the root in an IDE. */
    private static Path findRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve("producer-client/node"))) {
                return d;
            }
        }
        throw new IllegalStateException("no producer-client/node above " + dir);
    }
}
