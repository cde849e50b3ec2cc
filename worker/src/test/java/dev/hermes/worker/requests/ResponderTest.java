package dev.hermes.worker.requests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermes.schemas.Event;
import dev.hermes.schemas.FailureReason;
import dev.hermes.schemas.Heartbeat;
import dev.hermes.schemas.LastActive;
import dev.hermes.schemas.ReplyCoordinates;
import dev.hermes.schemas.RuntimeFailed;
import dev.hermes.schemas.RuntimeReady;
import dev.hermes.schemas.RuntimeRequested;
import dev.hermes.schemas.RuntimeSpawned;
import dev.hermes.schemas.RuntimeStarted;
import dev.hermes.schemas.RuntimeStopped;
import dev.hermes.schemas.StopReason;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.activity.ActivityTracker;
import dev.hermes.worker.fakes.FakeFleet;
import dev.hermes.worker.kafka.ReplyNotSentException;
import dev.hermes.worker.spawn.HealthTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class ResponderTest {
    private static final String REPLIES = "caller.replies";
    private final FakeFleet fleet = new FakeFleet();
    private final ActivityTracker activity = new ActivityTracker(fleet.publisher, fleet.clock, Duration.ofSeconds(60));
    private final Responder responder = TestResponders.of(fleet, fleet.ensurer, activity);
    private final UserId user = UserId.random();

    @Test
    void aReadyRuntimeIsAnsweredOnTheCallersPartitionAndAudited() {
        RuntimeRequested request = request(fleet.clock.instant().plusSeconds(30));

        responder.handle(request, 5).join();

        List<Event> audited = fleet.audited();
        assertThat(audited).extracting(Event::type).containsExactly("RuntimeSpawned", "RuntimeStarted", "RuntimeReady");
        RuntimeSpawned spawned = (RuntimeSpawned) audited.get(0);
        assertThat(spawned.correlationId()).isEqualTo(request.correlationId());
        assertThat(spawned.causationId()).isEqualTo(request.eventId());
        assertThat(spawned.workerId()).isEqualTo(FakeFleet.WORKER);
        assertThat(((RuntimeStarted) audited.get(1)).adopted()).isFalse();
        RuntimeReady ready = (RuntimeReady) audited.get(2);
        assertThat(ready.coldStart()).isTrue();
        assertThat(ready.correlationId()).isEqualTo(request.correlationId());
        ProducerRecord<byte[], byte[]> reply = onlyReply();
        assertThat(reply.partition()).isEqualTo(7);
        assertThat(fleet.codec.decode(reply.value())).isEqualTo(ready);
        assertThat(activity.get(user).partition()).isEqualTo(5);
    }

    @Test
    void theReplyLeavesBeforeTheAuditRecordsSoTheCallerDoesNotWaitBehindThem() {
        responder.handle(request(fleet.clock.instant().plusSeconds(30)), 5).join();

        assertThat(fleet.producer.history())
                .extracting(ProducerRecord::topic)
                .first()
                .isEqualTo(REPLIES);
        assertThat(fleet.producer.history()).hasSize(4);
    }

    @Test
    void aFailedEnsureIsAnsweredWithItsReasonAfterTheFactsSoFar() {
        fleet.health = (name, url, running) -> {
            throw new HealthTimeoutException(name, Duration.ofSeconds(3), "HTTP 503");
        };
        RuntimeRequested request = request(fleet.clock.instant().plusSeconds(30));

        responder.handle(request, 5).join();

        List<Event> audited = fleet.audited();
        assertThat(audited)
                .extracting(Event::type)
                .containsExactly("RuntimeSpawned", "RuntimeStarted", "RuntimeStopped", "RuntimeFailed");
        assertThat(((RuntimeStopped) audited.get(2)).reason()).isEqualTo(StopReason.HEALTH_TIMEOUT);
        RuntimeFailed failed = (RuntimeFailed) fleet.codec.decode(onlyReply().value());
        assertThat(failed.reason()).isEqualTo(FailureReason.HEALTH_TIMEOUT);
        assertThat(failed.message()).contains("did not answer GET /health with 200 within 3000 ms (last: HTTP 503)");
        assertThat(failed).isEqualTo(audited.get(3));
        assertThat(failed.retryAfterMs()).as("only CAPACITY gives a hint").isNull();
    }

    @Test
    void aRequestPastItsDeadlineIsEnsuredAndAuditedButNotAnswered() {
        RuntimeRequested request = request(fleet.clock.instant().minusMillis(1));

        responder.handle(request, 5).join();

        assertThat(fleet.audited()).extracting(Event::type).contains("RuntimeReady");
        assertThat(fleet.sentTo(REPLIES)).isEmpty();
        assertThat(fleet.registry.find(user)).isNotNull();
    }

    @Test
    void aHeartbeatForAWarmRuntimeOnlyRecordsActivity() {
        fleet.ensurer.ensure(user, null);
        fleet.clock.advance(Duration.ofSeconds(5));
        Instant at = fleet.clock.instant();

        responder
                .handle(new Heartbeat(UUID.randomUUID(), at, user, "phone", "app"), 3)
                .join();

        assertThat(fleet.producer.history()).as("no reply and no audit").isEmpty();
        assertThat(activity.get(user).lastActiveAt()).isEqualTo(at);
        assertThat(fleet.stateProducer.history()).singleElement().satisfies(record -> {
            assertThat(record.partition()).isEqualTo(3);
            assertThat(fleet.codec.decode(record.value(), LastActive.class).lastActiveAt())
                    .isEqualTo(at);
        });
    }

    @Test
    void aContainerOfAnotherFleetIsAnsweredFleetConflictAndAudited() {
        java.util.Map<String, String> labels = new java.util.HashMap<>(fleet.labelsFor(user));
        labels.put("hermes.fleet", "fleet-b");
        fleet.docker.existing(user.containerName(), labels, 8642, true);

        responder.handle(request(fleet.clock.instant().plusSeconds(30)), 5).join();

        RuntimeFailed failed = (RuntimeFailed) fleet.codec.decode(onlyReply().value());
        assertThat(failed.reason()).isEqualTo(FailureReason.FLEET_CONFLICT);
        assertThat(failed.message()).contains("fleet-b").contains(FakeFleet.FLEET);
        assertThat(fleet.audited(RuntimeFailed.class)).singleElement().isEqualTo(failed);
    }

    @Test
    void aFullEngineIsAnsweredCapacityWithItsRetryAfterHintAndAudited() {
        dev.hermes.worker.spawn.Ensurer full = new dev.hermes.worker.spawn.Ensurer(
                fleet.spawner,
                fleet.health,
                fleet.specs,
                fleet.settings,
                fleet.registry,
                fleet.meters,
                fleet.clock,
                dev.hermes.worker.spawn.EnsureGates.open().withCapacity((who, alreadyRunning) -> {
                    throw new dev.hermes.worker.spawn.CapacityExceededException(3, 3, Duration.ofSeconds(42));
                }));
        Responder atCapacity = TestResponders.of(fleet, full, activity);

        atCapacity.handle(request(fleet.clock.instant().plusSeconds(30)), 5).join();

        RuntimeFailed failed = (RuntimeFailed) fleet.codec.decode(onlyReply().value());
        assertThat(failed.reason()).isEqualTo(FailureReason.CAPACITY);
        assertThat(failed.retryAfterMs()).isEqualTo(42_000L);
        assertThat(failed.message()).contains("HERMES_MAX_RUNTIMES=3");
        assertThat(fleet.audited()).singleElement().isEqualTo(failed);
        assertThat(fleet.docker.container(user.containerName()))
                .as("nothing spawned")
                .isEmpty();

        Instant beat = fleet.clock.instant();
        atCapacity
                .handle(new Heartbeat(UUID.randomUUID(), beat, user, "phone", "app"), 5)
                .join();

        assertThat(fleet.audited())
                .as("a heartbeat's refusal is not audited: nobody waits for it")
                .hasSize(1);
        assertThat(activity.get(user).lastActiveAt()).isEqualTo(beat);
        assertThat(fleet.docker.container(user.containerName())).isEmpty();
    }

    @Test
    void aRequestWhoseDeadlinePassedLongerAgoThanTheStaleBoundIsNotEnsuredButAuditedAsDeadlinePassed() {
        RuntimeRequested request = request(fleet.clock.instant().minusSeconds(61));

        responder.handle(request, 5).join();

        assertThat(fleet.registry.find(user)).as("no runtime").isNull();
        assertThat(fleet.docker.container(user.containerName())).isEmpty();
        assertThat(fleet.sentTo(REPLIES)).as("no reply").isEmpty();
        assertThat(fleet.audited()).singleElement().isInstanceOfSatisfying(RuntimeFailed.class, failed -> {
            assertThat(failed.reason()).isEqualTo(FailureReason.DEADLINE_PASSED);
            assertThat(failed.correlationId()).isEqualTo(request.correlationId());
            assertThat(failed.causationId()).isEqualTo(request.eventId());
            assertThat(failed.message()).contains("HERMES_STALE_REQUEST_SEC");
        });
        assertThat(activity.get(user)).as("a replay is no activity").isNull();
    }

    @Test
    void aHeartbeatOlderThanTheStaleBoundStartsNothing() {
        responder
                .handle(
                        new Heartbeat(
                                UUID.randomUUID(),
                                fleet.clock.instant().minus(Duration.ofDays(1)),
                                user,
                                "phone",
                                "app"),
                        3)
                .join();

        assertThat(fleet.registry.find(user)).isNull();
        assertThat(fleet.docker.container(user.containerName())).isEmpty();
        assertThat(fleet.producer.history()).isEmpty();
    }

    @Test
    void anInvalidRequestsReasonIsCutToAThousandCharacters() {
        responder.refuse(
                new ReplyCoordinates(UUID.randomUUID(), REPLIES, 0, user),
                "field 'deadline': got '" + "x".repeat(900_000));

        assertThat(((RuntimeFailed) fleet.codec.decode(onlyReply().value())).message())
                .startsWith("field 'deadline'")
                .hasSize(1_003);
    }

    @Test
    void aHeartbeatDatedByABehindClockStillCountsAsActivityNowForARunningRuntime() {
        fleet.ensurer.ensure(user, null);
        fleet.clock.advance(Duration.ofMinutes(5));

        responder
                .handle(
                        new Heartbeat(
                                UUID.randomUUID(),
                                fleet.clock.instant().minus(Duration.ofHours(1)),
                                user,
                                "phone",
                                "app"),
                        3)
                .join();

        assertThat(activity.get(user).lastActiveAt()).isEqualTo(fleet.clock.instant());
    }

    @Test
    void anErrorThrownByTheEnsureIsAnsweredAsSpawnError() {
        fleet.health = (name, url, running) -> {
            throw new AssertionError("a bug in the health check");
        };
        RuntimeRequested request = request(fleet.clock.instant().plusSeconds(30));

        responder.handle(request, 5).join();

        RuntimeFailed failed = (RuntimeFailed) fleet.codec.decode(onlyReply().value());
        assertThat(failed.reason()).isEqualTo(FailureReason.SPAWN_ERROR);
        assertThat(failed.message()).contains("a bug in the health check");
    }

    @Test
    void aReplyToAnInternalTopicIsNotSentButTheRuntimeIsStillEnsured() {
        RuntimeRequested request = new RuntimeRequested(
                UUID.randomUUID(),
                fleet.clock.instant(),
                user,
                UUID.randomUUID(),
                fleet.topics.lastActive(),
                0,
                fleet.clock.instant().plusSeconds(30),
                "test");

        assertThat(responder.handle(request, 5))
                .failsWithin(Duration.ofSeconds(5))
                .withThrowableThat()
                .havingRootCause()
                .isInstanceOf(ReplyNotSentException.class)
                .withMessageContaining("is internal");

        assertThat(fleet.registry.find(user)).as("still ensured").isNotNull();
        assertThat(fleet.producer.history()).noneMatch(r -> r.topic().equals(fleet.topics.lastActive()));
    }

    private RuntimeRequested request(Instant deadline) {
        return new RuntimeRequested(
                UUID.randomUUID(), fleet.clock.instant(), user, UUID.randomUUID(), REPLIES, 7, deadline, "test");
    }

    @Test
    void anInvalidRequestIsAnsweredInvalidRequestAtOnceOnItsCallersPartitionAndNotAudited() {
        UUID correlationId = UUID.randomUUID();

        responder.refuse(new ReplyCoordinates(correlationId, REPLIES, 7, user), "field 'deadline': is required");

        ProducerRecord<byte[], byte[]> reply = onlyReply();
        assertThat(reply.partition()).isEqualTo(7);
        assertThat(reply.key()).isEqualTo(user.asciiBytes());
        RuntimeFailed failed = (RuntimeFailed) fleet.codec.decode(reply.value());
        assertThat(failed.reason()).isEqualTo(FailureReason.INVALID_REQUEST);
        assertThat(failed.message()).isEqualTo("field 'deadline': is required");
        assertThat(failed.correlationId()).isEqualTo(correlationId);
        assertThat(failed.userId()).isEqualTo(user);
        assertThat(failed.workerId()).isEqualTo(FakeFleet.WORKER);
        assertThat(failed.occurredAt()).isEqualTo(fleet.clock.instant());
        assertThat(fleet.audited()).as("the DLQ keeps the record; no audit").isEmpty();
        assertThat(fleet.registry.find(user)).as("no runtime").isNull();
        assertThat(fleet.meters
                        .registry()
                        .get("hermes.failures")
                        .tag("reason", "INVALID_REQUEST")
                        .counter()
                        .count())
                .isEqualTo(1.0);
    }

    @Test
    void anInvalidRequestIsNotAnsweredWhereNoReplyMayGoNorWithoutAFamilyToName() {
        responder.refuse(
                new ReplyCoordinates(UUID.randomUUID(), fleet.topics.settings(), 0, user), "field 'type': nope");
        responder.refuse(new ReplyCoordinates(UUID.randomUUID(), REPLIES, 7, null), "field 'userId': nope");

        assertThat(fleet.producer.history()).isEmpty();
    }

    private ProducerRecord<byte[], byte[]> onlyReply() {
        List<ProducerRecord<byte[], byte[]>> replies = fleet.producer.history().stream()
                .filter(r -> r.topic().equals(REPLIES))
                .toList();
        assertThat(replies).hasSize(1);
        return replies.get(0);
    }
}
