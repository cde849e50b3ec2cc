package dev.hermes.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermes.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestBroker.class)
class DeadLettersIT {

    @Test
    void listsTheDlqOldestFirstAndReplaysARecordToWhereItCameFrom(KafkaAccess kafka) throws Exception {
        Topics topics = TestBroker.freshTopics();
        new TopicAdmin(kafka).create(topics, 2, (short) 1);
        try (KafkaProducer<byte[], byte[]> producer = kafka.openProducer("it")) {
            producer.send(deadLetter(topics, 2_000, topics.requests() + "-1@5", "second"))
                    .get(30, TimeUnit.SECONDS);
            producer.send(deadLetter(topics, 1_000, "garbage", "first")).get(30, TimeUnit.SECONDS);
        }
        DeadLetters deadLetters = new DeadLetters(kafka, topics, Clock.systemUTC());

        List<DlqRecord> dlq = deadLetters.list();
        DlqReplayPlan plan = deadLetters.plan(dlq, new DlqSource(topics.requests(), 1, 5));
        DlqSource landed;
        try (DlqReplayer replayer = deadLetters.replayer()) {
            landed = replayer.replay(
                    plan.sends().get(0).record(), plan.sends().get(0).to());
        }

        assertThat(dlq)
                .extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
                .containsExactly("first", "second");
        assertThat(dlq.get(1).reason()).isEqualTo("value is not JSON");
        assertThat(deadLetters.plan(dlq, null).skips()).hasSize(1);
        assertThat(landed.topic()).isEqualTo(topics.requests());
        assertThat(landed.partition()).isEqualTo(1);
        ConsumerRecord<byte[], byte[]> replayed = readOne(kafka, new TopicPartition(topics.requests(), 1));
        assertThat(new String(replayed.value(), StandardCharsets.UTF_8)).isEqualTo("second");
        assertThat(new String(
                        replayed.headers().lastHeader(DlqRecord.REPLAYED_FROM).value(), StandardCharsets.UTF_8))
                .isEqualTo(dlq.get(1).at().toString());
        assertThat(replayed.headers().lastHeader(DlqRecord.REASON)).isNull();
        assertThat(new String(replayed.headers().lastHeader("trace").value(), StandardCharsets.UTF_8))
                .isEqualTo("kept");
    }

    private static ProducerRecord<byte[], byte[]> deadLetter(
            Topics topics, long timestamp, String source, String value) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("trace", utf8("kept"));
        headers.add(DlqRecord.REASON, utf8("value is not JSON"));
        headers.add(DlqRecord.SOURCE, utf8(source));
        headers.add(DlqRecord.WORKER, utf8("w-1"));
        return new ProducerRecord<>(topics.dlq(), 0, timestamp, utf8("key"), utf8(value), headers);
    }

    private static ConsumerRecord<byte[], byte[]> readOne(KafkaAccess kafka, TopicPartition tp) {
        try (KafkaConsumer<byte[], byte[]> consumer = kafka.openReader("it")) {
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            assertThat(records).hasSize(1);
            return records.get(0);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
