package dev.hermes.worker.requests;

import dev.hermes.schemas.Event;
import dev.hermes.schemas.EventIds;
import dev.hermes.schemas.FailureReason;
import dev.hermes.schemas.Heartbeat;
import dev.hermes.schemas.ReplyCoordinates;
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
import dev.hermes.worker.spawn.CrashLoopException;
import dev.hermes.worker.spawn.EnsureFailedException;
import dev.hermes.worker.spawn.EnsureOutcome;
import dev.hermes.worker.spawn.Ensurer;
import dev.hermes.worker.spawn.UnknownFamilyException;
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
 * runtime without a reply. A request whose deadline has passed is still ensured but not answered, so the
 * caller's retry finds it warm; one whose deadline passed more than the stale bound ago (a replay, a group
 * reset) is not ensured at all: the skip is audited as RuntimeFailed DEADLINE_PASSED. A heartbeat older than the
 * bound keeps a running runtime active but starts none. Activity is dated by the worker's clock, never the
 * producer's. Whatever the ensure throws, an Error included, the caller gets an answer.
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
    private final Duration staleAfter;
    private final Refusals refusals;
    private final DockerWait dockerWait;

    /** @param dockerWait how a non-warm ensure waits out a Docker outage (HERMES_DOCKER_WAIT_SEC) */
    public Responder(
            Ensurer ensurer,
            EventPublisher publisher,
            LifecycleAudit audit,
            ActivityTracker activity,
            Meters meters,
            Clock clock,
            String workerId,
            Duration staleAfter,
            DockerWait dockerWait) {
        this.dockerWait = dockerWait;
        this.staleAfter = staleAfter;
        this.ensurer = ensurer;
        this.publisher = publisher;
        this.audit = audit;
        this.activity = activity;
        this.meters = meters;
        this.clock = clock;
        this.workerId = workerId;
        this.refusals = new Refusals(publisher, meters, clock, workerId, staleAfter);
    }

    @Override
    public boolean isQuick(Event event) {
        return ensurer.isWarm(event.userId());
    }

    @Override
    public CompletableFuture<Void> handle(Event event, int partition) {
        meters.requests().handled(event.type());
        if (event instanceof Heartbeat heartbeat) {
            Runtime warm = ensurer.warm(heartbeat.userId());
            if (warm != null) { // the common case, 100k times a second: nothing to log, so no MDC either
                return activity.touchNow(warm.userId(), partition, heartbeat.source());
            }
            if (heartbeat.occurredAt().isBefore(clock.instant().minus(staleAfter))) {
                meters.requests().staleSkipped(heartbeat.type());
                log.debug(
                        "heartbeat user={} from {} is older than {}: no runtime started",
                        heartbeat.userId(),
                        heartbeat.occurredAt(),
                        staleAfter);
                return CompletableFuture.completedFuture(null);
            }
        } else if (((RuntimeRequested) event)
                .deadline()
                .isBefore(clock.instant().minus(staleAfter))) {
            return refusals.stale((RuntimeRequested) event);
        }
        if (!ensurer.admits(event.userId())) {
            return refusals.unknownFamily(event);
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
            ensured = dockerWait.ensure(
                    heartbeat.userId(),
                    clock.instant(),
                    () -> ensurer.ensure(heartbeat.userId(), null),
                    f -> audit.record(heartbeat.userId(), heartbeat.eventId(), f.factsSoFar()));
            audit.record(heartbeat.userId(), heartbeat.eventId(), ensured.facts());
        } catch (RuntimeException | Error e) {
            if (e instanceof EnsureFailedException f && f.getCause() instanceof UnknownFamilyException) {
                // HERMES_ADMISSION=known-accounts: a heartbeat of a family without an account starts nothing
                meters.requests().failure(FailureReason.UNKNOWN_FAMILY.name());
                log.debug("heartbeat user={}: {}", heartbeat.userId(), f.getMessage());
                return CompletableFuture.completedFuture(null);
            }
            auditFactsSoFar(heartbeat.userId(), heartbeat.eventId(), e);
            if (e instanceof EnsureFailedException f && FailureReasons.quiet(f.getCause())) {
                // the engine is full, the family is in its crash-loop backoff (its entry was audited), or Docker is
                // down: the device's next heartbeat tries again; not worth a warning every 30 s
                meters.requests().failure(FailureReasons.reasonOf(f.getCause()).name());
                log.debug("heartbeat user={}: {}", heartbeat.userId(), f.getMessage());
            } else {
                log.warn("heartbeat ensure for user={} failed: {}", heartbeat.userId(), e.toString(), e);
            }
            return activity.touchNow(heartbeat.userId(), partition, heartbeat.source());
        }
        // keyed by the runtime's own UserId: one id object per family in memory, not one per map
        CompletableFuture<Void> recorded = activity.touchNow(ensured.runtime().userId(), partition, heartbeat.source());
        if (!ensured.cold()) {
            return recorded;
        }
        // no caller waits for a heartbeat, but the audit still learns when the runtime became ready
        long totalMs = (System.nanoTime() - t0) / 1_000_000;
        return CompletableFuture.allOf(
                recorded,
                publisher.audit(new RuntimeReady(
                        EventIds.next(),
                        clock.instant(),
                        heartbeat.userId(),
                        null,
                        ensured.runtime().url(),
                        ensured.runtime().containerName(),
                        ensured.runtime().settingsVersion(),
                        true,
                        ensured.createMs(),
                        ensured.startMs(),
                        ensured.healthMs(),
                        totalMs,
                        workerId,
                        heartbeat.eventId())));
    }

    private CompletableFuture<Void> request(RuntimeRequested request, int partition) {
        long t0 = System.nanoTime();
        CompletableFuture<Void> recorded =
                activity.touch(request.userId(), partition, clock.instant(), request.source());
        Event answer;
        EnsureOutcome ensured = null;
        try {
            ensured = dockerWait.ensure(
                    request.userId(),
                    request.deadline(),
                    () -> ensurer.ensure(request.userId(), request.correlationId()),
                    f -> audit.record(request.userId(), request.eventId(), f.factsSoFar()));
            long totalMs = (System.nanoTime() - t0) / 1_000_000;
            meters.requests().ensured(ensured.cold(), Duration.ofNanos(System.nanoTime() - t0));
            answer = new RuntimeReady(
                    EventIds.next(),
                    clock.instant(),
                    request.userId(),
                    request.correlationId(),
                    ensured.runtime().url(),
                    ensured.runtime().containerName(),
                    ensured.runtime().settingsVersion(),
                    ensured.cold(),
                    ensured.createMs(),
                    ensured.startMs(),
                    ensured.healthMs(),
                    totalMs,
                    workerId,
                    request.eventId());
            log.info(
                    "ensure user={} correlationId={} READY {} {}ms {}",
                    request.userId(),
                    request.correlationId(),
                    ensured.runtime().url(),
                    totalMs,
                    ensured.cold() ? "cold" : "warm");
        } catch (RuntimeException | Error e) {
            // anything, Docker's own exceptions and Errors included, becomes an answer: a caller never waits in vain
            auditFactsSoFar(request.userId(), request.eventId(), e);
            Throwable cause = e instanceof EnsureFailedException f ? f.getCause() : e;
            FailureReason reason =
                    cause instanceof RuntimeException r ? FailureReasons.reasonOf(r) : FailureReason.SPAWN_ERROR;
            meters.requests().failure(reason.name());
            String message = e.getMessage() != null ? e.getMessage() : e.toString();
            answer = new RuntimeFailed(
                    EventIds.next(),
                    clock.instant(),
                    request.userId(),
                    request.correlationId(),
                    reason,
                    message,
                    workerId,
                    request.eventId(),
                    FailureReasons.retryAfterMs(cause));
            if (e instanceof Error) {
                log.error(
                        "ensure user={} correlationId={} FAILED {}",
                        request.userId(),
                        request.correlationId(),
                        reason,
                        e);
            } else if (cause instanceof CrashLoopException) {
                log.info(
                        "ensure user={} correlationId={} FAILED {}: {}",
                        request.userId(),
                        request.correlationId(),
                        reason,
                        message);
            } else {
                log.warn(
                        "ensure user={} correlationId={} FAILED {}: {}",
                        request.userId(),
                        request.correlationId(),
                        reason,
                        message);
            }
        }
        // the family is active when it gets its answer too: a slow spawn must not count as idle time
        activity.touch(request.userId(), partition, clock.instant(), request.source());
        // reply first: the broker serves one connection's requests in order, so audit records ahead cost round trips
        boolean expired = request.expiredAt(clock.instant());
        if (expired) {
            log.info("ensure {}: deadline {} passed; no reply sent", request.correlationId(), request.deadline());
        }
        CompletableFuture<Void> replied = expired ? recorded : publisher.reply(request, answer);
        CompletableFuture<Void> facts =
                ensured == null ? recorded : audit.record(request.userId(), request.eventId(), ensured.facts());
        return CompletableFuture.allOf(recorded, replied, facts, publisher.audit(answer));
    }

    /** An invalid request whose caller can be told gets RuntimeFailed INVALID_REQUEST (see {@link Refusals}). */
    @Override
    public void refuse(ReplyCoordinates to, String reason) {
        refusals.invalid(to, reason);
    }

    private void auditFactsSoFar(UserId user, UUID causationId, Throwable e) {
        if (e instanceof EnsureFailedException failed) {
            audit.record(user, causationId, failed.factsSoFar());
        }
    }
}
