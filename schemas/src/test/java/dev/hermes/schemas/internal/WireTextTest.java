package dev.hermes.schemas.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WireTextTest {
    private final char[] buffer = new char[WireText.MAX_LENGTH];

    @Test
    void spellsInstantsExactlyAsInstantToStringFromYear0000To9999() {
        Random random = new Random(3);
        List<Instant> instants = new ArrayList<>(List.of(Instant.EPOCH, Instant.parse("0000-01-01T00:00:00Z"),
                Instant.parse("9999-12-31T23:59:59.999999999Z"), Instant.parse("1969-12-31T23:59:59.999Z"),
                Instant.parse("2024-02-29T12:00:00.000001Z"), Instant.parse("2000-02-29T00:00:00.100Z"),
                Instant.parse("1900-03-01T00:00:00.000000010Z"), Instant.parse("2026-11-27T10:57:28.123456789Z")));
        for (int i = 0; i < 200_000; i++) {
            long seconds = -62_167_219_200L + (long) (random.nextDouble() * 315_569_520_000L);
            int nanos = random.nextInt(1_000_000_000);
            int keep = new int[] {1, 1_000, 1_000_000, 1_000_000_000, 10, 100_000_000}[random.nextInt(6)];
            instants.add(Instant.ofEpochSecond(seconds, nanos / keep * keep));
        }
        for (Instant instant : instants) {
            int length = WireText.instant(instant, buffer);
            assertThat(new String(buffer, 0, length)).isEqualTo(instant.toString());
        }
    }

    @Test
    void leavesYearsOutside0000To9999ToInstantToString() {
        for (Instant instant : List.of(Instant.ofEpochSecond(253_402_300_800L),
                Instant.ofEpochSecond(-62_167_219_201L, 999_999_999), Instant.MIN, Instant.MAX)) {
            assertThat(WireText.instant(instant, buffer)).as(instant.toString()).isEqualTo(-1);
        }
    }

    @Test
    void spellsUuidsExactlyAsUuidToString() {
        Random random = new Random(5);
        List<UUID> ids = new ArrayList<>(List.of(new UUID(0, 0), new UUID(-1, -1), new UUID(Long.MIN_VALUE, 1)));
        for (int i = 0; i < 100_000; i++) {
            ids.add(new UUID(random.nextLong(), random.nextLong()));
        }
        for (UUID id : ids) {
            assertThat(new String(buffer, 0, WireText.uuid(id, buffer))).isEqualTo(id.toString());
        }
    }
}
