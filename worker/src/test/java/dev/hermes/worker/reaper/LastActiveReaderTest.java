package dev.hermes.worker.reaper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermes.schemas.EventCodec;
import dev.hermes.schemas.InvalidEventException;
import dev.hermes.schemas.LastActive;
import dev.hermes.schemas.UserId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LastActiveReaderTest {
    private final EventCodec codec = new EventCodec();
    private final LastActiveReader reader = new LastActiveReader(codec);

    @Test
    void readsTheSameInstantTheCodecDoes() {
        Instant at = Instant.parse("2026-11-27T10:11:12.123456789Z");
        byte[] value = codec.encode(new LastActive(UUID.randomUUID(), Instant.now(), UserId.random(), at, "chat"));

        assertThat(reader.lastActiveAt(value)).isEqualTo(at)
                .isEqualTo(codec.decode(value, LastActive.class).lastActiveAt());
    }

    @Test
    void anythingUnexpectedGetsTheCodecsVerdict() {
        for (String bad : new String[] {"not json", "[]", "{\"type\":\"Heartbeat\"}",
            "{\"type\":\"LastActive\",\"lastActiveAt\":\"2026-11-27T10:00:00+01:00\"}",
            "{\"type\":\"LastActive\",\"lastActiveAt\":\"yesterday\"}"}) {
            assertThatThrownBy(() -> reader.lastActiveAt(bad.getBytes(StandardCharsets.UTF_8)))
                    .as(bad).isInstanceOf(InvalidEventException.class);
        }
    }
}
