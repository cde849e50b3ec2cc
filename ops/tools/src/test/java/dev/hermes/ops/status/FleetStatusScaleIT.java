package dev.hermes.ops.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermes.admin.KafkaAccess;
import dev.hermes.ops.audit.SyntheticHistory;
import dev.hermes.schemas.EventCodec;
import dev.hermes.schemas.LastActive;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.testing.HermesStack;
import dev.hermes.worker.testing.Stack;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * `status` over 10k families on real Kafka: 100k audit events and 10k last-active records are read and joined in
 * seconds (the engines are left out: listing them is one Docker call per engine).
 */
@HermesStack.Use
class FleetStatusScaleIT {
    private static final int FAMILIES = 10_000;
    private static final int EVENTS = 100_000;

    @Test
    void tenThousandFamiliesAreReadAndJoinedInSeconds(Stack stack) {
        KafkaAccess kafka = KafkaAccess.of(stack.bootstrapServers());
        Instant start = Instant.now().minus(Duration.ofDays(1));
        SyntheticHistory history = new SyntheticHistory(16, FAMILIES, start, Duration.ofMillis(500));
        EventCodec codec = new EventCodec();
        Set<String> audited = new HashSet<>();
        try (KafkaProducer<byte[], byte[]> producer = kafka.openProducer("status-scale-it")) {
            for (int i = 0; i < EVENTS; i++) {
                SyntheticHistory.Encoded e = history.next();
                audited.add(new String(e.key(), StandardCharsets.UTF_8));
                producer.send(new ProducerRecord<>(stack.topics().events(), null, e.timestampMs(), e.key(), e.value()));
            }
            for (int i = 0; i < FAMILIES; i++) {
                UserId user = UserId.fromUuid(new UUID(0x5ca1eL, i));
                producer.send(new ProducerRecord<>(
                        stack.topics().lastActive(),
                        user.value().getBytes(StandardCharsets.UTF_8),
                        codec.encode(new LastActive(UUID.randomUUID(), Instant.now(), user, Instant.now(), "it"))));
            }
            producer.flush();
        }
        FleetStatus status = new FleetStatus(List.of(), kafka, stack.topics(), stack.fleet(), Clock.systemUTC());

        long began = System.nanoTime();
        List<RuntimeStatus> lines = status.read();
        Duration took = Duration.ofNanos(System.nanoTime() - began);

        System.out.printf(
                "status_10k: %d lines from %d events + %d last-active records in %d ms%n",
                lines.size(), EVENTS, FAMILIES, took.toMillis());
        assertThat(lines.size()).isGreaterThanOrEqualTo(FAMILIES);
        assertThat(lines.stream().filter(s -> s.lastActive() != null)).hasSize(FAMILIES);
        assertThat(lines.stream().map(s -> s.user().value()))
                .containsAll(audited.stream().limit(100).toList());
        assertThat(took).isLessThan(Duration.ofSeconds(15));
    }
}
