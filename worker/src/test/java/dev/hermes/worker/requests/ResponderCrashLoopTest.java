package dev.hermes.worker.requests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermes.schemas.Event;
import dev.hermes.schemas.FailureReason;
import dev.hermes.schemas.Heartbeat;
import dev.hermes.schemas.RuntimeFailed;
import dev.hermes.schemas.RuntimeReady;
import dev.hermes.schemas.RuntimeRequested;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.activity.ActivityTracker;
import dev.hermes.worker.fakes.FakeFleet;
import dev.hermes.worker.spawn.CrashLoopGuard;
import dev.hermes.worker.spawn.EnsureGates;
import dev.hermes.worker.spawn.Ensurer;
import dev.hermes.worker.spawn.HealthTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Crash-loop backoff through the Responder on fakes: K failures, then CRASH_LOOP at once with no Docker call. */
class ResponderCrashLoopTest {
    private static final String REPLIES = "caller.replies";
    private final FakeFleet fleet = new FakeFleet();
    private final AtomicBoolean healthy = new AtomicBoolean(false);
    private final Ensurer ensurer = new Ensurer(
            fleet.spawner,
            (name, url, running) -> {
                if (!healthy.get()) {
                    throw new HealthTimeoutException(name, Duration.ofSeconds(3), "connection refused");
                }
                return false;
            },
            fleet.specs,
            fleet.settings,
            fleet.registry,
            fleet.meters,
            fleet.clock,
            EnsureGates.open()
                    .withCrashLoop(
                            new CrashLoopGuard(3, Duration.ofSeconds(10), Duration.ofSeconds(600), fleet.clock)));
    private final Responder responder = TestResponders.of(
            fleet, ensurer, new ActivityTracker(fleet.publisher, fleet.clock, Duration.ofSeconds(60)));
    private final UserId user = UserId.random();

    @Test
    void afterKFailuresTheFamilyIsAnsweredCrashLoopWithRetryAfterAndNoDockerCall() {
        heartbeat();
        request();
        heartbeat(); // the third failure in a row: the family enters its backoff, audited once
        List<RuntimeFailed> entries = crashLoopAudits();
        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.correlationId()).isNull();
            assertThat(entry.retryAfterMs()).isEqualTo(10_000L);
            assertThat(entry.userId()).isEqualTo(user);
        });
        int dockerCalls = fleet.docker.calls().size();
        int audited = fleet.audited().size();

        fleet.clock.advance(Duration.ofSeconds(4));
        for (int i = 0; i < 20; i++) {
            heartbeat();
        }
        RuntimeRequested refused = request();

        assertThat(fleet.docker.calls()).as("no Docker call in the backoff").hasSize(dockerCalls);
        RuntimeFailed answer = lastReply();
        assertThat(answer.correlationId()).isEqualTo(refused.correlationId());
        assertThat(answer.reason()).isEqualTo(FailureReason.CRASH_LOOP);
        assertThat(answer.retryAfterMs()).isEqualTo(6_000L);
        assertThat(fleet.audited())
                .as("refused heartbeats are not audited; the refused request's answer is")
                .hasSize(audited + 1);

        fleet.clock.advance(Duration.ofSeconds(6));
        heartbeat(); // the backoff expired: one try, which fails and doubles it
        assertThat(fleet.docker.calls()).hasSizeGreaterThan(dockerCalls);
        assertThat(crashLoopAudits())
                .hasSize(2)
                .last()
                .satisfies(e -> assertThat(e.retryAfterMs()).isEqualTo(20_000L));
        dockerCalls = fleet.docker.calls().size();
        heartbeat();
        assertThat(fleet.docker.calls()).hasSize(dockerCalls);

        fleet.clock.advance(Duration.ofSeconds(20));
        healthy.set(true);
        request();
        assertThat(fleet.codec.decode(lastReplyRecord())).isInstanceOf(RuntimeReady.class);
        fleet.registry.remove(user);
        healthy.set(false);
        heartbeat();
        assertThat(fleet.docker.calls())
                .as("a success reset the count: the next failure is tried")
                .isNotEmpty();
        assertThat(crashLoopAudits()).hasSize(2);
    }

    private List<RuntimeFailed> crashLoopAudits() {
        return fleet.audited(RuntimeFailed.class).stream()
                .filter(f -> f.reason() == FailureReason.CRASH_LOOP && f.correlationId() == null)
                .toList();
    }

    private void heartbeat() {
        responder
                .handle(new Heartbeat(UUID.randomUUID(), fleet.clock.instant(), user, "phone", "app"), 3)
                .join();
    }

    private RuntimeRequested request() {
        RuntimeRequested request = new RuntimeRequested(
                UUID.randomUUID(),
                fleet.clock.instant(),
                user,
                UUID.randomUUID(),
                REPLIES,
                7,
                fleet.clock.instant().plusSeconds(30),
                "voice");
        responder.handle(request, 3).join();
        return request;
    }

    private byte[] lastReplyRecord() {
        List<byte[]> replies = fleet.producer.history().stream()
                .filter(r -> r.topic().equals(REPLIES))
                .map(r -> r.value())
                .toList();
        return replies.get(replies.size() - 1);
    }

    private RuntimeFailed lastReply() {
        Event last = fleet.codec.decode(lastReplyRecord());
        assertThat(last).isInstanceOf(RuntimeFailed.class);
        return (RuntimeFailed) last;
    }
}
