package dev.hermes.worker.spawn;

import static dev.hermes.worker.spawn.SeedScript.IDENTITY_BEGIN;
import static dev.hermes.worker.spawn.SeedScript.IDENTITY_END;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The MEMORY.md rewrite (the seed's awk program) run by busybox awk, as in the stand-in image. */
class SeedMemoryRewriteTest {
    @TempDir
    Path dir;

    private BusyboxSeed seed;
    private Path memory;

    @BeforeEach
    void setUp() throws Exception {
        seed = new BusyboxSeed(dir);
        memory = dir.resolve("MEMORY.md");
    }

    private String rewrite(String content) throws Exception {
        Files.writeString(memory, content, StandardCharsets.UTF_8);
        return seed.rewriteMemory(memory);
    }

    @Test
    void aTerminatedIdentityBlockIsRemovedAndTheFamilysLinesStay() throws Exception {
        String out = rewrite(IDENTITY_BEGIN + "\nName: Old\n" + IDENTITY_END + "\nlikes tea\n  indented\t tab\n");

        assertThat(out).isEqualTo("likes tea\n  indented\t tab\n");
    }

    @Test
    void aBeginMarkerWithoutAnEndLosesOnlyItsMarkerLineAndKeepsEveryLineAfterIt() throws Exception {
        String out = rewrite("before\n" + IDENTITY_BEGIN + "\nnote one\nnote two\n");

        assertThat(out).isEqualTo("before\nnote one\nnote two\n");
    }

    @Test
    void crlfIdentityBlocksAreRemovedAndTheFamilysCrlfLinesStayByteForByte() throws Exception {
        String out = rewrite(IDENTITY_BEGIN + "\r\nName: A\r\n" + IDENTITY_END + "\r\n" + IDENTITY_BEGIN
                + "\r\nName: B\r\n" + IDENTITY_END + "\r\nfamily note\r\nsecond\r\n");

        assertThat(out).isEqualTo("family note\r\nsecond\r\n");
    }

    @Test
    void strayEndMarkersAreDroppedAndAnUnterminatedBeginBeforeABlockKeepsItsLines() throws Exception {
        String out = rewrite(IDENTITY_END + "\nkeep 1\n" + IDENTITY_BEGIN + "\nkeep 2\n" + IDENTITY_BEGIN
                + "\nidentity\n" + IDENTITY_END + "\nkeep 3\n" + IDENTITY_END + "\n");

        assertThat(out).isEqualTo("keep 1\nkeep 2\nkeep 3\n");
    }

    @Test
    void linesThatOnlyContainAMarkerAmongOtherTextAreTheFamilysAndStay() throws Exception {
        String out = rewrite("see " + IDENTITY_BEGIN + " here\n" + IDENTITY_END + " trailing\n");

        assertThat(out).isEqualTo("see " + IDENTITY_BEGIN + " here\n" + IDENTITY_END + " trailing\n");
    }

    @Test
    void anEmptyMemoryStaysEmpty() throws Exception {
        assertThat(rewrite("")).isEmpty();
    }
}
