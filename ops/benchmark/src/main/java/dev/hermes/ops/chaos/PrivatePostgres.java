package dev.hermes.ops.chaos;

import dev.hermes.schemas.HermesException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of the fault suite's own (initdb and pg_ctl in a temp dir, on a free port of
 * 127.0.0.1, trust auth, no fsync), so a scenario can stop and start it: the machine's shared server is
 * never stopped. As root it runs as the postgres user (initdb refuses root).
 */
public final class PrivatePostgres implements AutoCloseable {
    private final Path bin;
    private final Path dir;
    private final int port;

    private PrivatePostgres(Path bin, Path dir, int port) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
    }

    /** True when the machine has PostgreSQL's server binaries (/usr/lib/postgresql/<version>/bin). */
    public static boolean available() {
        return binaries() != null;
    }

    public static PrivatePostgres start() throws IOException, InterruptedException {
        Path bin = binaries();
        if (bin == null) {
            throw new HermesException("no PostgreSQL server binaries under /usr/lib/postgresql/*/bin");
        }
        Path dir = Files.createTempDirectory("hermes-chaos-pg-");
        PrivatePostgres pg = new PrivatePostgres(bin, dir, FreePort.find());
        if ("root".equals(System.getProperty("user.name"))) {
            pg.run("chown", "-R", "postgres:postgres", dir.toString());
        }
        pg.asOwner(
                bin.resolve("initdb").toString(),
                "-D",
                dir.resolve("data").toString(),
                "-U",
                "postgres",
                "-A",
                "trust",
                "--no-sync");
        pg.startAgain();
        return pg;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    /** A fast shutdown: sessions are cut, the server is gone until {@link #startAgain}. */
    public void stop() throws IOException, InterruptedException {
        asOwner(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "fast", "-w", "stop");
    }

    public void startAgain() throws IOException, InterruptedException {
        asOwner(
                bin.resolve("pg_ctl").toString(),
                "-D",
                dir.resolve("data").toString(),
                "-l",
                dir.resolve("server.log").toString(),
                "-w",
                "-o",
                "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200",
                "start");
    }

    private void asOwner(String... command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(List.of(command));
        run(full.toArray(String[]::new));
    }

    private void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        dir.resolve("commands.log").toFile()))
                .start();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new HermesException(String.join(" ", command) + " failed; see " + dir.resolve("commands.log"));
        }
    }

    private static Path binaries() {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparing(Path::toString))
                    .orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            asOwner(
                    bin.resolve("pg_ctl").toString(),
                    "-D",
                    dir.resolve("data").toString(),
                    "-m",
                    "immediate",
                    "-w",
                    "stop");
        } catch (HermesException e) {
            // not running
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
