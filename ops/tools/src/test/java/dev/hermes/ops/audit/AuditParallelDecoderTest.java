package dev.hermes.ops.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermes.schemas.Event;
import dev.hermes.schemas.EventCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class AuditParallelDecoderTest {
    private final EventCodec codec = new EventCodec();

    @Test
    void decodesOnSeveralThreadsAndKeepsTheRecordsOrderAndErrors() {
        SyntheticHistory history =
                new SyntheticHistory(3, 100, Instant.parse("2026-11-01T00:00:00Z"), Duration.ofSeconds(1));
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        List<Event> expected = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            byte[] value = i % 1000 == 7
                    ? "{}".getBytes(StandardCharsets.UTF_8)
                    : history.next().value();
            records.add(new ConsumerRecord<>("t", 0, i, null, value));
            expected.add(i % 1000 == 7 ? null : codec.decode(value));
        }

        try (ParallelDecoder decoder = new ParallelDecoder(() -> codec::decode, 3)) {
            ParallelDecoder.Decoded decoded = decoder.decode(records);

            assertThat(decoded.events()).containsExactlyElementsOf(expected);
            for (int i = 0; i < records.size(); i++) {
                assertThat(decoded.errors()[i]).isEqualTo(i % 1000 == 7 ? "field 'type': is required" : null);
            }
            assertThat(decoder.decode(List.of()).events()).isEmpty();
        }
    }
}
