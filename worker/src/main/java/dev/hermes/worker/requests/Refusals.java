package dev.hermes.worker.requests;

import dev.hermes.schemas.Event;
import dev.hermes.schemas.EventIds;
import dev.hermes.schemas.FailureReason;
import dev.hermes.schemas.ReplyCoordinates;
import dev.hermes.schemas.RuntimeFailed;
import dev.hermes.schemas.RuntimeRequested;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.kafka.EventPublisher;
import dev.hermes.worker.metrics.Meters;
import dev.hermes.worker.spawn.UnknownFamilyException;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The requests {@link Responder} answers without ensuring anything: a stale replay (audited only), an invalid
 * request whose caller can be told (replied only), and a family that admission refuses (replied and audited).
 */
final class Refusals {
    private static final Logger log = LoggerFactory.getLogger(Refusals.class);
    /** An invalid request's reason quotes what it got, which may be huge: the answer quotes this much of it. */
    private static final int LONGEST_REASON = 1_000;

    private final EventPublisher publisher;
    private final Meters meters;
    private final Clock clock;
    private final String workerId;
    private final Duration staleAfter;

    Refusals(EventPublisher publisher, Meters meters, Clock clock, String workerId, Duration staleAfter) {
        this.publisher = publisher;
        this.meters = meters;
        this.clock = clock;
        this.workerId = workerId;
        this.staleAfter = staleAfter;
    }

    /** A replayed request long past its deadline: no runtime, no activity, no reply; the audit says why. */
    CompletableFuture<Void> stale(RuntimeRequested request) {
        meters.requests().staleSkipped(request.type());
        meters.requests().failure(FailureReason.DEADLINE_PASSED.name());
        String message = "deadline " + request.deadline() + " passed more than " + staleAfter.toSeconds()
                + " s ago (HERMES_STALE_REQUEST_SEC): not ensured";
        log.info("request user={} correlationId={} skipped: {}", request.userId(), request.correlationId(), message);
        return publisher.audit(failed(
                request.userId(), request.correlationId(), FailureReason.DEADLINE_PASSED, message, request.eventId()));
    }

    /**
     * An invalid request whose caller can be told: RuntimeFailed INVALID_REQUEST, with the reason naming the field, at
     * once to its reply coordinates if {@link dev.hermes.worker.kafka.ReplyRoutes} allows them. Not audited: the DLQ
     * keeps the record. Without a user id to name in the answer (none could be read), nobody is told.
     */
    void invalid(ReplyCoordinates to, String reason) {
        if (to.userId() == null) {
            log.debug("invalid request correlationId={} names no family: not answered", to.correlationId());
            return;
        }
        String quoted = reason.length() > LONGEST_REASON ? reason.substring(0, LONGEST_REASON) + "..." : reason;
        RuntimeFailed answer = failed(to.userId(), to.correlationId(), FailureReason.INVALID_REQUEST, quoted, null);
        publisher
                .reply(to.replyTopic(), to.replyPartition(), to.userId(), answer)
                .whenComplete((sent, error) -> {
                    if (error == null) {
                        meters.requests().failure(FailureReason.INVALID_REQUEST.name());
                    } else {
                        log.info(
                                "invalid request correlationId={} not answered: {}",
                                to.correlationId(),
                                error.getMessage());
                    }
                });
    }

    /**
     * HERMES_ADMISSION=known-accounts and the family has no account: no runtime, no activity (a producer naming
     * random ids must not grow the last-active topic either); a request gets RuntimeFailed UNKNOWN_FAMILY.
     */
    CompletableFuture<Void> unknownFamily(Event event) {
        meters.requests().failure(FailureReason.UNKNOWN_FAMILY.name());
        String message = new UnknownFamilyException(event.userId()).getMessage();
        if (!(event instanceof RuntimeRequested request)) {
            log.debug("heartbeat user={}: {}", event.userId(), message);
            return CompletableFuture.completedFuture(null);
        }
        log.info("request user={} correlationId={} refused: {}", request.userId(), request.correlationId(), message);
        RuntimeFailed answer = failed(
                request.userId(), request.correlationId(), FailureReason.UNKNOWN_FAMILY, message, request.eventId());
        CompletableFuture<Void> audited = publisher.audit(answer);
        return request.expiredAt(clock.instant())
                ? audited
                : CompletableFuture.allOf(audited, publisher.reply(request, answer));
    }

    private RuntimeFailed failed(
            UserId user, UUID correlationId, FailureReason reason, String message, UUID causationId) {
        return new RuntimeFailed(
                EventIds.next(), clock.instant(), user, correlationId, reason, message, workerId, causationId);
    }
}
