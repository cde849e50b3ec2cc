package dev.hermes.worker.spawn;

import static dev.hermes.worker.spawn.SeedScript.IDENTITY_BEGIN;
import static dev.hermes.worker.spawn.SeedScript.IDENTITY_END;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed's user phase (busybox sh, as the current user) over a data dir the agent left hostile: it never writes
 * through a link, never blocks on a FIFO, keeps the family's notes and keeps one identity block.
 */
class SeedUserPhaseTest {
    private static final String CONFIG = "model:\n  provider: \"openrouter\"\n";
    private static final String IDENTITY = "Name: Ada";

    @TempDir
    Path dir;

    private BusyboxSeed seed;
    private Path data;
    private Path outside;

    @BeforeEach
    void setUp() throws Exception {
        seed = new BusyboxSeed(dir);
        data = Files.createDirectories(dir.resolve("data"));
        outside = Files.createDirectories(dir.resolve("etc"));
        Files.writeString(outside.resolve("passwd"), "root:x:0:0\n");
        Files.writeString(outside.resolve("entrypoint.sh"), "#!/bin/sh\n");
    }

    private String boot() throws Exception {
        BusyboxSeed.Result result = seed.userPhase(data, CONFIG, IDENTITY);
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        return result.stderr();
    }

    private String memory() throws Exception {
        return Files.readString(data.resolve("memories/MEMORY.md"), StandardCharsets.UTF_8);
    }

    private void assertOutsideUntouched() throws Exception {
        try (Stream<Path> files = Files.list(outside)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("passwd", "entrypoint.sh");
        }
        assertThat(Files.readString(outside.resolve("passwd"))).isEqualTo("root:x:0:0\n");
        assertThat(Files.readString(outside.resolve("entrypoint.sh"))).isEqualTo("#!/bin/sh\n");
    }

    @Test
    void aMemoriesSymlinkIsMovedAsideAndNothingIsWrittenThroughIt() throws Exception {
        Files.createSymbolicLink(data.resolve("memories"), outside);
        Files.createSymbolicLink(data.resolve(".config.yaml.seed"), outside.resolve("entrypoint.sh"));

        String log = boot();

        assertThat(data.resolve("memories")).isDirectory();
        assertThat(Files.isSymbolicLink(data.resolve("memories"))).isFalse();
        assertThat(memory()).isEqualTo(IDENTITY_BEGIN + "\n" + IDENTITY + "\n" + IDENTITY_END + "\n");
        assertThat(log).contains("memories was a symlink; moved aside to " + data + "/memories.quarantined-");
        assertOutsideUntouched();
    }

    @Test
    void aFifoConfigAndASymlinkedMemoryAreMovedAsideWithoutBlocking() throws Exception {
        Files.createDirectories(data.resolve("memories"));
        Files.createSymbolicLink(data.resolve("memories/MEMORY.md"), outside.resolve("passwd"));
        Files.createSymbolicLink(data.resolve("memories/MEMORY.md.seed"), outside.resolve("passwd"));
        Process mkfifo = new ProcessBuilder(
                        BusyboxSeed.BUSYBOX.toString(),
                        "mkfifo",
                        data.resolve("config.yaml").toString())
                .start();
        assertThat(mkfifo.waitFor()).isZero();

        String log = boot();

        assertThat(data.resolve("config.yaml")).isRegularFile().hasContent(CONFIG.strip());
        assertThat(Files.isRegularFile(data.resolve("memories/MEMORY.md"), LinkOption.NOFOLLOW_LINKS))
                .isTrue();
        assertThat(log).contains("config.yaml was not a regular file").contains("MEMORY.md was a symlink");
        assertOutsideUntouched();
    }

    @Test
    void aDirectoryWhereAFileBelongsAndAFileWhereADirectoryBelongsAreMovedAsideWithTheirContent() throws Exception {
        Files.createDirectories(data.resolve("config.yaml"));
        Files.writeString(data.resolve("config.yaml/inner"), "kept\n");
        Files.writeString(data.resolve("memories"), "not a dir\n");

        String log = boot();

        assertThat(data.resolve("config.yaml")).isRegularFile();
        assertThat(data.resolve("memories/MEMORY.md")).isRegularFile();
        assertThat(log).contains("config.yaml was not a regular file").contains("memories was not a directory");
        try (Stream<Path> aside = Files.list(data)) {
            List<Path> moved = aside.filter(p -> p.getFileName().toString().contains(".quarantined-"))
                    .toList();
            assertThat(moved).hasSize(2);
            assertThat(moved)
                    .filteredOn(p -> p.getFileName().toString().startsWith("config.yaml.quarantined-"))
                    .singleElement()
                    .satisfies(p -> assertThat(p.resolve("inner")).hasContent("kept"));
            assertThat(moved)
                    .filteredOn(p -> p.getFileName().toString().startsWith("memories.quarantined-"))
                    .singleElement()
                    .satisfies(p -> assertThat(p).isRegularFile().hasContent("not a dir"));
        }
    }

    @Test
    void crlfNotesWithALoneBeginMarkerSurviveAndRepeatedBootsKeepOneIdentityBlock() throws Exception {
        Files.createDirectories(data.resolve("memories"));
        String family = "likes tea\r\n" + IDENTITY_BEGIN + "\r\nafter the lone marker\r\nlast line\r\n";
        Files.writeString(data.resolve("memories/MEMORY.md"), family, StandardCharsets.UTF_8);

        boot();
        String first = memory();
        boot();
        boot();

        String header = IDENTITY_BEGIN + "\n" + IDENTITY + "\n" + IDENTITY_END + "\n";
        assertThat(first).isEqualTo(header + "likes tea\r\nafter the lone marker\r\nlast line\r\n");
        assertThat(memory()).isEqualTo(first);
        try (Stream<Path> left = Files.list(data.resolve("memories"))) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("MEMORY.md");
        }
    }

    @Test
    void anEmptyIdentityLeavesMemoryAsItIsBlockIncludedAndCreatesNoneWhereThereWasNone() throws Exception {
        Files.createDirectories(data.resolve("memories"));
        String family = IDENTITY_BEGIN + "\n" + IDENTITY + "\n" + IDENTITY_END + "\nlikes tea\r\n";
        Files.writeString(data.resolve("memories/MEMORY.md"), family, StandardCharsets.UTF_8);

        BusyboxSeed.Result kept = seed.userPhase(data, CONFIG, "");

        assertThat(kept.exitCode()).as(kept.stderr()).isZero();
        assertThat(kept.stderr()).contains("no identity given").contains("MEMORY.md left as it is");
        assertThat(memory()).isEqualTo(family);
        assertThat(data.resolve("config.yaml")).hasContent(CONFIG.strip());
        try (Stream<Path> left = Files.list(data.resolve("memories"))) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("MEMORY.md");
        }

        Files.delete(data.resolve("memories/MEMORY.md"));
        BusyboxSeed.Result none = seed.userPhase(data, CONFIG, "");

        assertThat(none.exitCode()).as(none.stderr()).isZero();
        assertThat(data.resolve("memories/MEMORY.md")).doesNotExist();
        try (Stream<Path> left = Files.list(data.resolve("memories"))) {
            assertThat(left).isEmpty();
        }
    }
}
