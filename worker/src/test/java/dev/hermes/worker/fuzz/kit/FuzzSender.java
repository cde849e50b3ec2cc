package dev.hermes.worker.fuzz.kit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Writes the batch's raw bytes on the requests topic, each on its chosen partition, and says where each landed. */
public final class FuzzSender implements AutoCloseable {
    private final KafkaProducer<byte[], byte[]> producer;
    private final String topic;

    public FuzzSender(String bootstrapServers, String requestsTopic) {
        this.producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ProducerConfig.CLIENT_ID_CONFIG,
                        "hermes-fuzz",
                        ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
                        1_000_000,
                        ProducerConfig.LINGER_MS_CONFIG,
                        5,
                        ProducerConfig.ACKS_CONFIG,
                        "all"),
                new ByteArraySerializer(),
                new ByteArraySerializer());
        this.topic = requestsTopic;
    }

    /** Sends all, in order, and waits for every acknowledgement. */
    public List<FuzzSent> send(List<FuzzRecord> records) {
        List<Future<RecordMetadata>> acks = new ArrayList<>(records.size());
        for (FuzzRecord r : records) {
            acks.add(producer.send(new ProducerRecord<>(topic, r.partition(), r.key(), r.value())));
        }
        producer.flush();
        List<FuzzSent> sent = new ArrayList<>(records.size());
        try {
            for (int i = 0; i < records.size(); i++) {
                RecordMetadata m = acks.get(i).get();
                sent.add(new FuzzSent(records.get(i), m.topic(), m.partition(), m.offset()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending the fuzz batch", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the broker refused a fuzz record: " + e.getCause(), e.getCause());
        }
        return sent;
    }

    @Override
    public void close() {
        producer.close();
    }
}
