package dev.hermes.ops.status;

import dev.hermes.ops.audit.ReplayPlan;
import dev.hermes.schemas.UserId;
import java.util.Map;

/** Which worker owns each partition of the requests topic now; a family is owned by its canonical partition's. */
public record PartitionOwners(int partitionCount, Map<Integer, String> ownerByPartition) {

    public PartitionOwners {
        ownerByPartition = Map.copyOf(ownerByPartition);
    }

    public static PartitionOwners none() {
        return new PartitionOwners(0, Map.of());
    }

    /** The owner of {@code user}'s partition, or null when no worker has it. */
    public String ownerOf(UserId user) {
        if (partitionCount <= 0) {
            return null;
        }
        return ownerByPartition.get(ReplayPlan.partitionOf(user.value(), partitionCount));
    }
}
