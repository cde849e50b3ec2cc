package dev.hermes.admin.internal;

import dev.hermes.schemas.UserId;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Utils;

/** The partition Kafka's default partitioner gives a family's key; the same number on every co-partitioned topic. */
public final class Partitions {
    private Partitions() {}

    public static int of(UserId userId, int partitionCount) {
        return Utils.toPositive(Utils.murmur2(userId.value().getBytes(StandardCharsets.UTF_8))) % partitionCount;
    }
}
