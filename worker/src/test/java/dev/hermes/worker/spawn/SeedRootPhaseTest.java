package dev.hermes.worker.spawn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed's root phase (busybox sh, find and chown, as root) over a data dir the agent left links in: it gives the
 * data dir and the root-owned entries inside it to uid 10000, follows no link out, leaves the plugins mount alone and
 * hands the user phase to {@code gosu 10000:10000}.
 */
class SeedRootPhaseTest {
    @TempDir
    Path dir;

    private BusyboxSeed seed;
    private Path data;
    private Path outside;
    private Path fakeGosuArgs;
    private Path pathDir;

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue(uid(Path.of("/proc/self")) == 0, "the root phase chowns, so it needs root");
        seed = new BusyboxSeed(dir);
        data = Files.createDirectories(dir.resolve("data"));
        outside = Files.createDirectories(dir.resolve("outside"));
        pathDir = Files.createDirectories(dir.resolve("path"));
        fakeGosuArgs = dir.resolve("gosu.args");
        Path gosu = pathDir.resolve("gosu");
        Files.writeString(gosu, "#!" + BusyboxSeed.BUSYBOX + " sh\nprintf '%s\\n' \"$@\" > '" + fakeGosuArgs + "'\n");
        Files.setPosixFilePermissions(gosu, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static int uid(Path path) throws Exception {
        return (Integer) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS);
    }

    @Test
    void rootOwnedEntriesInsideBecomeTheAgentsAndNothingOutsideIsTouched() throws Exception {
        Files.writeString(data.resolve(".env"), "A=1\n");
        Files.createDirectories(data.resolve("profiles/p"));
        Files.writeString(data.resolve("profiles/p/.env"), "B=1\n");
        Files.writeString(outside.resolve(".env"), "SECRET=1\n");
        Files.createDirectories(data.resolve("links"));
        Files.createSymbolicLink(data.resolve("links/.env"), outside.resolve(".env"));
        Files.createSymbolicLink(data.resolve("escape"), outside);
        Files.createDirectories(data.resolve("plugins"));
        Files.writeString(data.resolve("plugins/.env"), "P=1\n");

        BusyboxSeed.Result result = seed.rootPhase(data, pathDir, "echo user phase");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(uid(data)).isEqualTo(10000);
        assertThat(uid(data.resolve(".env"))).isEqualTo(10000);
        assertThat(uid(data.resolve("profiles/p/.env"))).isEqualTo(10000);
        assertThat(uid(data.resolve("links/.env")))
                .as("the link itself (chown -h)")
                .isEqualTo(10000);
        assertThat(uid(outside)).isZero();
        assertThat(uid(outside.resolve(".env"))).as("a link's target outside").isZero();
        assertThat(uid(data.resolve("plugins/.env")))
                .as("the plugins mount is pruned")
                .isZero();
        assertThat(Files.readAllLines(fakeGosuArgs))
                .isEqualTo(List.of("10000:10000", "/bin/sh", "-c", "echo user phase", "hermes-seed"));
    }
}
