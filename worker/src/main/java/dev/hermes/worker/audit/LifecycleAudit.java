package dev.hermes.worker.audit;

import dev.hermes.schemas.Event;
import dev.hermes.schemas.EventIds;
import dev.hermes.schemas.FailureReason;
import dev.hermes.schemas.RuntimeFailed;
import dev.hermes.schemas.RuntimeMoved;
import dev.hermes.schemas.RuntimePaused;
import dev.hermes.schemas.RuntimeRecreated;
import dev.hermes.schemas.RuntimeResumed;
import dev.hermes.schemas.RuntimeSpawned;
import dev.hermes.schemas.RuntimeStarted;
import dev.hermes.schemas.RuntimeStopped;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.kafka.EventPublisher;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** The one place that turns runtime facts into audit events (in their order) and publishes them. */
public final class LifecycleAudit {
    private static final CompletableFuture<Void> NOTHING = CompletableFuture.completedFuture(null);
    private final EventPublisher publisher;
    private final String workerId;

    public LifecycleAudit(EventPublisher publisher, String workerId) {
        this.publisher = publisher;
        this.workerId = workerId;
    }

    /**
     * Publishes the audit events of {@code facts}, in order.
     *
     * @param user null for a container no family is known for (a legacy orphan)
     * @param causationId the event that led to them, or null
     */
    public CompletableFuture<Void> record(UserId user, UUID causationId, List<RuntimeFact> facts) {
        if (facts.isEmpty()) {
            return NOTHING;
        }
        CompletableFuture<?>[] sent = facts.stream()
                .map(fact -> eventOf(user, causationId, fact))
                .filter(event -> event != null)
                .map(publisher::audit)
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(sent);
    }

    public CompletableFuture<Void> record(UserId user, UUID causationId, RuntimeFact fact) {
        return record(user, causationId, List.of(fact));
    }

    /** The audit event of one fact; null for a fact the audit log does not carry (an adoption). */
    Event eventOf(UserId user, UUID causationId, RuntimeFact fact) {
        if (fact instanceof RuntimeFact.Spawned s) {
            return new RuntimeSpawned(
                    EventIds.next(),
                    s.at(),
                    user,
                    s.correlationId(),
                    causationId,
                    workerId,
                    s.containerName(),
                    s.containerId(),
                    s.settingsVersion(),
                    s.configHash(),
                    s.createMs());
        }
        if (fact instanceof RuntimeFact.Started s) {
            return new RuntimeStarted(
                    EventIds.next(),
                    s.at(),
                    user,
                    s.correlationId(),
                    causationId,
                    workerId,
                    s.containerName(),
                    s.containerId(),
                    s.adopted(),
                    s.startMs());
        }
        if (fact instanceof RuntimeFact.Stopped s) {
            return new RuntimeStopped(
                    EventIds.next(),
                    s.at(),
                    user,
                    causationId,
                    workerId,
                    s.containerName(),
                    s.reason(),
                    s.removed(),
                    s.dataDeleted(),
                    s.exitCode());
        }
        if (fact instanceof RuntimeFact.Recreated r) {
            return new RuntimeRecreated(
                    EventIds.next(),
                    r.at(),
                    user,
                    causationId,
                    workerId,
                    r.containerName(),
                    r.fromVersion(),
                    r.toVersion(),
                    r.tookMs());
        }
        if (fact instanceof RuntimeFact.CrashLooping c) {
            return new RuntimeFailed(
                    EventIds.next(),
                    c.at(),
                    user,
                    null,
                    FailureReason.CRASH_LOOP,
                    "the runtime " + c.containerName() + " failed to become healthy " + c.failures()
                            + " times in a row; ensures are answered CRASH_LOOP for "
                            + c.backoff().toMillis()
                            + " ms",
                    workerId,
                    causationId,
                    c.backoff().toMillis());
        }
        if (fact instanceof RuntimeFact.Paused p) {
            return new RuntimePaused(
                    EventIds.next(),
                    p.at(),
                    user,
                    causationId,
                    workerId,
                    p.containerName(),
                    p.containerId(),
                    Math.max(0, p.idleFor().toMillis()));
        }
        if (fact instanceof RuntimeFact.Resumed r) {
            return new RuntimeResumed(
                    EventIds.next(),
                    r.at(),
                    user,
                    r.correlationId(),
                    causationId,
                    workerId,
                    r.containerName(),
                    r.containerId(),
                    r.resumeMs(),
                    Math.max(0, r.pausedFor().toMillis()));
        }
        if (fact instanceof RuntimeFact.Moved m) {
            return new RuntimeMoved(
                    EventIds.next(),
                    m.at(),
                    user,
                    workerId,
                    m.containerName(),
                    m.fromHost(),
                    m.toHost(),
                    m.bytesCopied(),
                    m.tookMs(),
                    m.requestedBy());
        }
        return null; // RuntimeFact.Adopted: the audit log has no event for it
    }
}
