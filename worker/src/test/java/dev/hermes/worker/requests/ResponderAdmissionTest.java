package dev.hermes.worker.requests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermes.schemas.FailureReason;
import dev.hermes.schemas.Heartbeat;
import dev.hermes.schemas.RuntimeFailed;
import dev.hermes.schemas.RuntimeRequested;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.activity.ActivityTracker;
import dev.hermes.worker.config.Admission;
import dev.hermes.worker.fakes.FakeFleet;
import dev.hermes.worker.settings.KnownAccounts;
import dev.hermes.worker.spawn.EnsureGates;
import dev.hermes.worker.spawn.Ensurer;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** HERMES_ADMISSION=known-accounts at the Responder: a family without an account costs no container and no activity. */
class ResponderAdmissionTest {
    private static final String REPLIES = "caller.replies";
    private final FakeFleet fleet = new FakeFleet();
    private final UserId known = UserId.random();
    private final UserId stranger = UserId.random();
    private final ActivityTracker activity = new ActivityTracker(fleet.publisher, fleet.clock, Duration.ofSeconds(60));
    private final Responder responder = TestResponders.of(fleet, ensurer(), activity);

    private Ensurer ensurer() {
        KnownAccounts accounts = new KnownAccounts(
                Admission.KNOWN_ACCOUNTS, () -> Set.of(known), u -> false, fleet.clock, Duration.ofSeconds(10));
        accounts.load();
        return new Ensurer(
                fleet.spawner,
                (name, url, running) -> false,
                fleet.specs,
                fleet.settings,
                fleet.registry,
                fleet.meters,
                fleet.clock,
                EnsureGates.open().withAdmission(accounts));
    }

    private RuntimeRequested request(UserId user) {
        return new RuntimeRequested(
                UUID.randomUUID(),
                fleet.clock.instant(),
                user,
                UUID.randomUUID(),
                REPLIES,
                3,
                fleet.clock.instant().plusSeconds(30),
                "test");
    }

    @Test
    void aRequestOfAFamilyWithoutAnAccountIsAnsweredUnknownFamilyAndTouchesNothing() {
        RuntimeRequested request = request(stranger);

        responder.handle(request, 1).join();

        RuntimeFailed failed = (RuntimeFailed) fleet.sentTo(REPLIES).get(0);
        assertThat(failed.reason()).isEqualTo(FailureReason.UNKNOWN_FAMILY);
        assertThat(failed.correlationId()).isEqualTo(request.correlationId());
        assertThat(failed.message()).contains("has no account");
        assertThat(fleet.audited()).containsExactly(failed);
        assertThat(fleet.docker.calls()).isEmpty();
        assertThat(fleet.sentTo(fleet.topics.lastActive())).isEmpty();
        assertThat(fleet.stateProducer.history()).isEmpty();
        assertThat(activity.get(stranger)).isNull();
    }

    @Test
    void aHeartbeatOfAFamilyWithoutAnAccountDoesNothingAtAll() {
        responder
                .handle(new Heartbeat(UUID.randomUUID(), fleet.clock.instant(), stranger, "d", "home"), 1)
                .join();

        assertThat(fleet.docker.calls()).isEmpty();
        assertThat(fleet.producer.history()).isEmpty();
        assertThat(fleet.stateProducer.history()).isEmpty();
    }

    @Test
    void aFamilyWithAnAccountIsServed() {
        responder.handle(request(known), 1).join();

        assertThat(fleet.sentTo(REPLIES))
                .singleElement()
                .extracting(e -> e.type())
                .isEqualTo("RuntimeReady");
    }
}
