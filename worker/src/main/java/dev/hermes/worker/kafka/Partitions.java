package dev.hermes.worker.kafka;

import dev.hermes.schemas.UserId;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Utils;

/** The partition Kafka's default partitioner gives a family's key; the same number on every co-partitioned topic. */
public final class Partitions {
    private Partitions() {}

    public static int of(UserId userId, int partitionCount) {
        return ofKey(userId.value().getBytes(StandardCharsets.UTF_8), partitionCount);
    }

    /** The canonical partition of a raw record key: murmur2, as the Java client's default partitioner. */
    public static int ofKey(byte[] key, int partitionCount) {
        return Utils.toPositive(Utils.murmur2(key)) % partitionCount;
    }
}
