package dev.hermes.worker.testing;

import com.github.dockerjava.api.DockerClient;
import dev.hermes.admin.DockerClients;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A second Docker engine beside the shared one, started and stopped by {@code ops/lib/docker.sh second-up|second-down}
 * (its own socket, data root and address pool; its ports published on {@link #ADDRESS}), so a test on a fresh
 * machine brings it up itself. Needs root, as dockerd does; without it the test fails saying so.
 */
public final class SecondEngine {
    public static final String ENDPOINT = "unix:///run/hermes-docker-b/docker.sock";
    public static final String ADDRESS = "127.0.0.2";
    /** ops/lib/docker.sh of the repository the test runs in (from worker/ or from a module under ops/). */
    private static final Path LIB = lib();

    private SecondEngine() {}

    private static Path lib() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("ops").resolve("lib").resolve("docker.sh");
            if (java.nio.file.Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return Path.of("..", "ops", "lib", "docker.sh").toAbsolutePath().normalize();
    }

    /** Starts it (unless it runs) and loads {@code images} it lacks from the shared engine. */
    public static void up(String... images) {
        List<String> command = new ArrayList<>(List.of("bash", LIB.toString(), "second-up"));
        command.addAll(List.of(images));
        run(command, Map.of());
    }

    /** Stops it: its containers stop with it (no live-restore). */
    public static void down() {
        run(List.of("bash", LIB.toString(), "second-down"), Map.of());
    }

    public static DockerClient client() {
        return DockerClients.connect(ENDPOINT, 8);
    }

    /** Removes the containers, volumes and networks labelled {@code label} on it (ops/lib/docker.sh's own way). */
    public static void removeLabelled(String label) {
        for (String kind : List.of("containers", "volumes", "networks")) {
            run(
                    List.of(
                            "bash",
                            "-c",
                            ". \"$1\" && docker_rm_labelled \"$2\" \"$3\"",
                            "rm",
                            LIB.toString(),
                            kind,
                            label),
                    Map.of("DOCKER_HOST", ENDPOINT));
        }
    }

    private static void run(List<String> command, Map<String, String> env) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(env);
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + command, e);
        }
    }
}
