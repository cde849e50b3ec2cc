package dev.hermes.worker.spawn;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the seed's pieces with the host's busybox (the stand-in image's shell and tools), as the current user, over
 * a scratch directory instead of /opt/data. PATH names an empty dir: busybox's shell runs its own applets, so no host
 * tool sneaks in.
 */
final class BusyboxSeed {
    static final Path BUSYBOX = Path.of("/bin/busybox");
    private static final String ENTRYPOINT_EXEC =
            "exec /usr/bin/tini -g -- /opt/hermes/docker/entrypoint.sh gateway run";
    private final Path scratch;
    private final Path emptyPath;

    BusyboxSeed(Path scratch) throws IOException {
        assumeTrue(Files.isExecutable(BUSYBOX), "busybox is needed to run the seed's shell and awk");
        this.scratch = scratch;
        this.emptyPath = Files.createDirectories(scratch.resolve("empty-path"));
    }

    record Result(int exitCode, String stderr) {}

    /** The user phase over {@code data}, ending where it would exec the image's entrypoint. */
    Result userPhase(Path data, String config, String identity) throws IOException, InterruptedException {
        String script = SeedScript.USER_PHASE;
        if (!script.contains("data=/opt/data\n") || !script.contains(ENTRYPOINT_EXEC)) {
            throw new AssertionError("the user phase no longer has the lines this harness replaces");
        }
        script = script.replace("data=/opt/data\n", "data='" + data + "'\n").replace(ENTRYPOINT_EXEC, "exit 0");
        return run(
                List.of("sh", "-c", script, "hermes-seed"),
                List.of(
                        SeedScript.CONFIG_ENV + "=" + base64(config),
                        SeedScript.IDENTITY_ENV + "=" + base64(identity)));
    }

    /**
     * The root phase over {@code data}, with {@code pathDir} first on PATH (a fake {@code gosu} there sees where it
     * would drop to); its {@code $1} is {@code userPhase}.
     */
    Result rootPhase(Path data, Path pathDir, String userPhase) throws IOException, InterruptedException {
        String script = SeedScript.ROOT_PHASE;
        if (!script.contains("data=/opt/data\n")) {
            throw new AssertionError("the root phase no longer has the line this harness replaces");
        }
        script = script.replace("data=/opt/data\n", "data='" + data + "'\n");
        return run(List.of("sh", "-c", script, "hermes-seed", userPhase), List.of("PATH=" + pathDir));
    }

    /** The MEMORY.md rewrite alone: what the awk program prints for {@code memory}. */
    String rewriteMemory(Path memory) throws IOException, InterruptedException {
        Path out = Files.createTempFile(scratch, "awk", ".out");
        List<String> command = List.of(
                "awk",
                "-v",
                "b=" + SeedScript.IDENTITY_BEGIN,
                "-v",
                "e=" + SeedScript.IDENTITY_END,
                SeedScript.MEMORY_AWK,
                memory.toString(),
                memory.toString());
        Result result = run(command, List.of(), out);
        if (result.exitCode() != 0) {
            throw new AssertionError("awk exited " + result.exitCode() + ": " + result.stderr());
        }
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    private Result run(List<String> command, List<String> env) throws IOException, InterruptedException {
        return run(command, env, null);
    }

    private Result run(List<String> command, List<String> env, Path stdout) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(command);
        argv.add(0, BUSYBOX.toString());
        ProcessBuilder builder = new ProcessBuilder(argv);
        builder.environment().clear();
        builder.environment().put("PATH", emptyPath.toString());
        for (String pair : env) {
            int eq = pair.indexOf('=');
            builder.environment().put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        Path err = Files.createTempFile(scratch, "stderr", ".txt");
        builder.redirectError(err.toFile());
        builder.redirectOutput(
                stdout == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(stdout.toFile()));
        Process process = builder.start();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the seed blocked for 10 s: " + command.get(0));
        }
        return new Result(process.exitValue(), Files.readString(err, StandardCharsets.UTF_8));
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
