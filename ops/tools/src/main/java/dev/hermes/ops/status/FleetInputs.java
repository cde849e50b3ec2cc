package dev.hermes.ops.status;

import dev.hermes.schemas.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything `status` is assembled from, each read in bulk once. {@code lastHosts}: the Docker host each family's
 * newest LastActive names (those that name one), the host shown for a family whose container no engine listed.
 */
public record FleetInputs(
        List<EngineContainer> containers,
        Map<UserId, Instant> lastActive,
        Map<UserId, AuditFacts> audit,
        PartitionOwners owners,
        Map<UserId, String> lastHosts) {

    public FleetInputs {
        containers = List.copyOf(containers);
        lastActive = Map.copyOf(lastActive);
        audit = Map.copyOf(audit);
        lastHosts = Map.copyOf(lastHosts);
    }

    public FleetInputs(
            List<EngineContainer> containers,
            Map<UserId, Instant> lastActive,
            Map<UserId, AuditFacts> audit,
            PartitionOwners owners) {
        this(containers, lastActive, audit, owners, Map.of());
    }
}
