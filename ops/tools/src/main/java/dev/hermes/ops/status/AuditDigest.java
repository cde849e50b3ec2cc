package dev.hermes.ops.status;

import dev.hermes.ops.audit.EventSink;
import dev.hermes.schemas.Event;
import dev.hermes.schemas.RuntimeFailed;
import dev.hermes.schemas.RuntimeReady;
import dev.hermes.schemas.RuntimeRecreated;
import dev.hermes.schemas.RuntimeSpawned;
import dev.hermes.schemas.RuntimeStopped;
import dev.hermes.schemas.StopReason;
import dev.hermes.schemas.UserId;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Folds a replay of the events topic into {@link AuditFacts} per family. A failure is a RuntimeFailed or a stop
 * the runtime did not choose (DIED, OOM_KILLED, HEALTH_TIMEOUT, UNHEALTHY); its reason code is kept.
 */
public final class AuditDigest implements EventSink {
    static final Set<StopReason> FAILURE_STOPS =
            EnumSet.of(StopReason.DIED, StopReason.OOM_KILLED, StopReason.HEALTH_TIMEOUT, StopReason.UNHEALTHY);
    private final Map<UserId, AuditFacts> facts = new HashMap<>();

    @Override
    public void accept(Event event) {
        UserId user = event.userId();
        if (user == null) {
            return;
        }
        AuditFacts was = facts.getOrDefault(user, AuditFacts.NONE);
        if (was.lastEventAt() != null && event.occurredAt().isBefore(was.lastEventAt())) {
            return;
        }
        String failure = failure(event);
        facts.put(
                user,
                new AuditFacts(
                        event.occurredAt(),
                        failure != null,
                        event instanceof RuntimeStopped s && s.reason() == StopReason.FORGET,
                        failure != null ? failure : was.lastFailure(),
                        failure != null ? event.occurredAt() : was.lastFailureAt(),
                        version(event, was.settingsVersion())));
    }

    public Map<UserId, AuditFacts> facts() {
        return facts;
    }

    private static String failure(Event event) {
        if (event instanceof RuntimeFailed f) {
            return f.reason().name();
        }
        if (event instanceof RuntimeStopped s && FAILURE_STOPS.contains(s.reason())) {
            return s.reason().name();
        }
        return null;
    }

    private static Long version(Event event, Long was) {
        if (event instanceof RuntimeReady r) {
            return r.settingsVersion();
        }
        if (event instanceof RuntimeSpawned s) {
            return s.settingsVersion();
        }
        if (event instanceof RuntimeRecreated r) {
            return r.settingsVersion();
        }
        return was;
    }
}
