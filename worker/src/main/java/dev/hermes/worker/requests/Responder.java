package dev.hermes.worker.requests;

import dev.hermes.schemas.Event;
import dev.hermes.schemas.EventIds;
import dev.hermes.schemas.FailureReason;
import dev.hermes.schemas.Heartbeat;
import dev.hermes.schemas.RuntimeFailed;
import dev.hermes.schemas.RuntimeReady;
import dev.hermes.schemas.RuntimeRequested;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.activity.ActivityTracker;
import dev.hermes.worker.audit.LifecycleAudit;
import dev.hermes.worker.consumer.RequestHandler;
import dev.hermes.worker.kafka.EventPublisher;
import dev.hermes.worker.metrics.Meters;
import dev.hermes.worker.runtime.Runtime;
import dev.hermes.admin.DatabaseUnavailableException;
import dev.hermes.worker.spawn.EnsureFailedException;
import dev.hermes.worker.spawn.EnsureOutcome;
import dev.hermes.worker.spawn.Ensurer;
import dev.hermes.worker.spawn.HealthTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Handles requests-topic events on the family's lane: a RuntimeRequested is ensured and answered on
 * the caller's reply partition (and in the audit log); a Heartbeat records activity and ensures the
 * runtime without a reply. A request whose deadline has passed is still ensured but not answered.
 */
public final class Responder implements RequestHandler {
    private static final Logger log = LoggerFactory.getLogger(Responder.class);
    private final Ensurer ensurer;
    private final EventPublisher publisher;
    private final LifecycleAudit audit;
    private final ActivityTracker activity;
    private final Meters meters;
    private final Clock clock;
    private final String workerId;

    public Responder(Ensurer ensurer, EventPublisher publisher, LifecycleAudit audit, ActivityTracker activity,
                     Meters meters, Clock clock, String workerId) {
        this.ensurer = ensurer;
        this.publisher = publisher;
        this.audit = audit;
        this.activity = activity;
        this.meters = meters;
        this.clock = clock;
        this.workerId = workerId;
    }

    @Override
    public boolean isQuick(Event event) {
        return ensurer.isWarm(event.userId());
    }

    @Override
    public CompletableFuture<Void> handle(Event event, int partition) {
        meters.handled(event.type());
        if (event instanceof Heartbeat heartbeat) {
            Runtime warm = ensurer.warm(heartbeat.userId());
            if (warm != null) { // the common case, 100k times a second: nothing to log, so no MDC either
                return activity.touch(warm.userId(), partition, heartbeat.occurredAt(), heartbeat.source());
            }
        }
        MDC.put("userId", event.userId().value());
        try {
            if (event instanceof Heartbeat heartbeat) {
                return heartbeat(heartbeat, partition);
            }
            RuntimeRequested request = (RuntimeRequested) event;
            MDC.put("correlationId", request.correlationId().toString());
            return request(request, partition);
        } finally {
            MDC.remove("userId");
            MDC.remove("correlationId");
        }
    }

    private CompletableFuture<Void> heartbeat(Heartbeat heartbeat, int partition) {
        long t0 = System.nanoTime();
        EnsureOutcome ensured;
        try {
            ensured = ensurer.ensure(heartbeat.userId(), null);
            audit.record(heartbeat.userId(), heartbeat.eventId(), ensured.facts());
        } catch (RuntimeException e) {
            auditFactsSoFar(heartbeat.userId(), heartbeat.eventId(), e);
            log.warn("heartbeat ensure for user={} failed: {}", heartbeat.userId(), e.getMessage());
            return activity.touch(heartbeat.userId(), partition, heartbeat.occurredAt(), heartbeat.source());
        }
        // keyed by the runtime's own UserId: one id object per family in memory, not one per map
        CompletableFuture<Void> recorded = activity.touch(ensured.runtime().userId(), partition,
                heartbeat.occurredAt(), heartbeat.source());
        if (!ensured.cold()) {
            return recorded;
        }
        // no caller waits for a heartbeat, but the audit still learns when the runtime became ready
        long totalMs = (System.nanoTime() - t0) / 1_000_000;
        return CompletableFuture.allOf(recorded, publisher.audit(new RuntimeReady(EventIds.next(), clock.instant(),
                heartbeat.userId(), null, ensured.runtime().url(), ensured.runtime().containerName(),
                ensured.runtime().settingsVersion(), true, ensured.createMs(), ensured.startMs(), ensured.healthMs(),
                totalMs, workerId, heartbeat.eventId())));
    }

    private CompletableFuture<Void> request(RuntimeRequested request, int partition) {
        long t0 = System.nanoTime();
        CompletableFuture<Void> recorded = activity.touch(request.userId(), partition, clock.instant(),
                request.source());
        Event answer;
        try {
            EnsureOutcome ensured = ensurer.ensure(request.userId(), request.correlationId());
            audit.record(request.userId(), request.eventId(), ensured.facts());
            long totalMs = (System.nanoTime() - t0) / 1_000_000;
            meters.ensured(ensured.cold(), Duration.ofNanos(System.nanoTime() - t0));
            answer = new RuntimeReady(EventIds.next(), clock.instant(), request.userId(), request.correlationId(),
                    ensured.runtime().url(), ensured.runtime().containerName(), ensured.runtime().settingsVersion(),
                    ensured.cold(), ensured.createMs(), ensured.startMs(), ensured.healthMs(), totalMs, workerId,
                    request.eventId());
            log.info("ensure user={} correlationId={} READY {} {}ms {}", request.userId(), request.correlationId(),
                    ensured.runtime().url(), totalMs, ensured.cold() ? "cold" : "warm");
        } catch (RuntimeException e) {
            // anything, Docker's own exceptions included, becomes an answer: a caller never waits in vain
            auditFactsSoFar(request.userId(), request.eventId(), e);
            FailureReason reason = reasonOf(e instanceof EnsureFailedException f ? f.getCause() : e);
            meters.failure(reason.name());
            answer = new RuntimeFailed(EventIds.next(), clock.instant(), request.userId(), request.correlationId(),
                    reason, e.getMessage(), workerId, request.eventId());
            log.warn("ensure user={} correlationId={} FAILED {}: {}", request.userId(), request.correlationId(),
                    reason, e.getMessage());
        }
        // the family is active when it gets its answer too: a slow spawn must not count as idle time
        activity.touch(request.userId(), partition, clock.instant(), request.source());
        CompletableFuture<Void> audited = publisher.audit(answer);
        if (request.expiredAt(clock.instant())) {
            log.info("ensure user={} correlationId={}: deadline {} passed; no reply sent", request.userId(),
                    request.correlationId(), request.deadline());
            return CompletableFuture.allOf(recorded, audited);
        }
        return CompletableFuture.allOf(recorded, audited, publisher.reply(request, answer));
    }

    private void auditFactsSoFar(UserId user, UUID causationId, RuntimeException e) {
        if (e instanceof EnsureFailedException failed) {
            audit.record(user, causationId, failed.factsSoFar());
        }
    }

    static FailureReason reasonOf(RuntimeException e) {
        if (e instanceof HealthTimeoutException) {
            return FailureReason.HEALTH_TIMEOUT;
        }
        if (e instanceof DatabaseUnavailableException) {
            return FailureReason.SETTINGS_UNAVAILABLE;
        }
        return FailureReason.SPAWN_ERROR;
    }
}
