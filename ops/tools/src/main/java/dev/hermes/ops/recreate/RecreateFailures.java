package dev.hermes.ops.recreate;

import dev.hermes.admin.KafkaAccess;
import dev.hermes.ops.audit.AuditReader;
import dev.hermes.ops.audit.ReplayConsumers;
import dev.hermes.ops.audit.ReplayProgress;
import dev.hermes.ops.audit.ReplayScope;
import dev.hermes.schemas.Event;
import dev.hermes.schemas.EventCodec;
import dev.hermes.schemas.RuntimeFailed;
import dev.hermes.schemas.RuntimeRecreated;
import dev.hermes.schemas.Topics;
import dev.hermes.schemas.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * What the audit says about stuck families since a settings change: each one's last RuntimeFailed (why its runtime
 * could not be made ready) and last RuntimeRecreated (onto which version). One fleet-wide read of the events topic
 * from {@code since}, from the side (no consumer group).
 */
public final class RecreateFailures {
    private final KafkaAccess kafka;
    private final Topics topics;
    private final Clock clock;

    /** A stuck family's last failure and last recreate since the change; either may be null. */
    public record Audit(RuntimeFailed lastFailure, RuntimeRecreated lastRecreated) {}

    public RecreateFailures(KafkaAccess kafka, Topics topics, Clock clock) {
        this.kafka = kafka;
        this.topics = topics;
        this.clock = clock;
    }

    public Map<UserId, Audit> since(Instant since, Set<UserId> users) {
        Map<UserId, RuntimeFailed> failed = new HashMap<>();
        Map<UserId, RuntimeRecreated> recreated = new HashMap<>();
        if (!users.isEmpty()) {
            EventCodec codec = new EventCodec();
            new AuditReader(new ReplayConsumers(kafka), () -> codec::decode, clock)
                    .replay(
                            topics.events(),
                            ReplayScope.fleet(since, null),
                            event -> {
                                if (event instanceof RuntimeFailed f && users.contains(f.userId())) {
                                    failed.merge(f.userId(), f, RecreateFailures::later);
                                } else if (event instanceof RuntimeRecreated r && users.contains(r.userId())) {
                                    recreated.merge(r.userId(), r, RecreateFailures::later);
                                }
                            },
                            ReplayProgress.silent());
        }
        Map<UserId, Audit> result = new HashMap<>();
        for (UserId user : users) {
            result.put(user, new Audit(failed.get(user), recreated.get(user)));
        }
        return result;
    }

    private static <E extends Event> E later(E a, E b) {
        return b.occurredAt().isBefore(a.occurredAt()) ? a : b;
    }
}
