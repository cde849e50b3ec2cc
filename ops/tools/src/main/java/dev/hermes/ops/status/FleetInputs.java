package dev.hermes.ops.status;

import dev.hermes.schemas.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Everything `status` is assembled from, each read in bulk once. */
public record FleetInputs(
        List<EngineContainer> containers,
        Map<UserId, Instant> lastActive,
        Map<UserId, AuditFacts> audit,
        PartitionOwners owners) {

    public FleetInputs {
        containers = List.copyOf(containers);
        lastActive = Map.copyOf(lastActive);
        audit = Map.copyOf(audit);
    }
}
