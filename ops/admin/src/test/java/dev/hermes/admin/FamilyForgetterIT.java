package dev.hermes.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.hermes.admin.internal.Partitions;
import dev.hermes.schemas.EventCodec;
import dev.hermes.schemas.RuntimeStopped;
import dev.hermes.schemas.StopReason;
import dev.hermes.schemas.Topics;
import dev.hermes.schemas.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Forgetting on real Docker and Kafka: container and volume gone, tombstone on the family's partition, audited. */
@ExtendWith(TestBroker.class)
class FamilyForgetterIT {
    private static final String IMAGE = System.getenv().getOrDefault("HERMES_TEST_IMAGE", "hermes-agent-stub:local");
    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

    @Test
    void forgetsTheRuntimeAndWithDeleteDataTheVolume(KafkaAccess kafka) throws Exception {
        Topics topics = TestBroker.freshTopics();
        new TopicAdmin(kafka).create(topics, 3, (short) 1);
        UserId user = UserId.random();
        try (DockerClient docker = DockerClients.connect("unix:///var/run/docker.sock", 2);
                FamilyForgetter forgetter =
                        FamilyForgetter.connect(docker, kafka, topics, Clock.fixed(NOW, ZoneOffset.UTC), "it")) {
            docker.createVolumeCmd().withName(user.volumeName()).exec();
            docker.createContainerCmd(IMAGE).withName(user.containerName()).exec();

            FamilyForgetter.Forgotten kept = forgetter.forget(user, false);
            FamilyForgetter.Forgotten deleted = forgetter.forget(user, true);

            int partition = Partitions.of(user, 3);
            assertThat(kept)
                    .isEqualTo(new FamilyForgetter.Forgotten(
                            true, false, partition, java.util.List.of("local"), java.util.List.of()));
            assertThat(deleted)
                    .isEqualTo(new FamilyForgetter.Forgotten(
                            false, true, partition, java.util.List.of("local"), java.util.List.of()));
            assertThatThrownBy(() ->
                            docker.inspectContainerCmd(user.containerName()).exec())
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> docker.inspectVolumeCmd(user.volumeName()).exec())
                    .isInstanceOf(NotFoundException.class);
        }
        List<ConsumerRecord<byte[], byte[]>> state =
                read(kafka, new TopicPartition(topics.lastActive(), Partitions.of(user, 3)), 2);
        assertThat(state).allSatisfy(r -> {
            assertThat(r.value()).isNull();
            assertThat(r.key()).isEqualTo(user.asciiBytes());
        });
        List<RuntimeStopped> audited =
                read(kafka, new TopicPartition(topics.events(), Partitions.of(user, 3)), 2).stream()
                        .map(r -> new EventCodec().decode(r.value(), RuntimeStopped.class))
                        .toList();
        assertThat(audited).allSatisfy(e -> {
            assertThat(e.userId()).isEqualTo(user);
            assertThat(e.reason()).isEqualTo(StopReason.FORGET);
            assertThat(e.occurredAt()).isEqualTo(NOW);
        });
    }

    @Test
    void refusesAFamilyWhoseRuntimeBelongsToAnotherFleetAndTouchesNothing(KafkaAccess kafka) throws Exception {
        Topics topics = TestBroker.freshTopics();
        new TopicAdmin(kafka).create(topics, 3, (short) 1);
        UserId user = UserId.random();
        try (DockerClient docker = DockerClients.connect("unix:///var/run/docker.sock", 2);
                FamilyForgetter forgetter =
                        FamilyForgetter.connect(docker, kafka, topics, Clock.fixed(NOW, ZoneOffset.UTC), "it")) {
            java.util.Map<String, String> theirs = java.util.Map.of("hermes.managed", "true", "hermes.fleet", "theirs");
            docker.createVolumeCmd()
                    .withName(user.volumeName())
                    .withLabels(theirs)
                    .exec();
            String id = docker.createContainerCmd(IMAGE)
                    .withName(user.containerName())
                    .withLabels(theirs)
                    .exec()
                    .getId();
            try {
                assertThatThrownBy(() -> forgetter.forget(user, true, "ours"))
                        .isInstanceOf(OtherFleetException.class)
                        .hasMessageContaining("'theirs'")
                        .hasMessageContaining("'ours'");
                assertThat(docker.inspectContainerCmd(user.containerName())
                                .exec()
                                .getId())
                        .isEqualTo(id);
                assertThat(docker.inspectVolumeCmd(user.volumeName()).exec().getName())
                        .isEqualTo(user.volumeName());

                assertThat(forgetter.forget(user, true, "theirs").dataDeleted()).isTrue();
                assertThatThrownBy(() ->
                                docker.inspectContainerCmd(user.containerName()).exec())
                        .isInstanceOf(NotFoundException.class);
            } finally {
                forgetter.forget(user, true);
            }
        }
    }

    private static List<ConsumerRecord<byte[], byte[]>> read(KafkaAccess kafka, TopicPartition tp, int expected) {
        try (KafkaConsumer<byte[], byte[]> consumer = kafka.openReader("it")) {
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            assertThat(records).hasSize(expected);
            return records;
        }
    }
}
