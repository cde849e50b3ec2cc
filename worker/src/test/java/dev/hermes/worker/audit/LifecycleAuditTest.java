package dev.hermes.worker.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermes.schemas.Event;
import dev.hermes.schemas.RuntimeRecreated;
import dev.hermes.schemas.RuntimeSpawned;
import dev.hermes.schemas.RuntimeStarted;
import dev.hermes.schemas.RuntimeStopped;
import dev.hermes.schemas.StopReason;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.fakes.FakeFleet;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LifecycleAuditTest {
    private final FakeFleet fleet = new FakeFleet();
    private final UserId user = UserId.random();
    private final UUID correlation = UUID.randomUUID();
    private final UUID causation = UUID.randomUUID();
    private final Instant t = Instant.parse("2026-01-01T00:00:01Z");

    @Test
    void eachFactBecomesItsAuditEventInOrderWithEveryField() {
        fleet.audit
                .record(
                        user,
                        causation,
                        List.of(
                                new RuntimeFact.Stopped(t, "c-name", StopReason.SETTINGS_RECREATE, true, false),
                                new RuntimeFact.Spawned(t.plusMillis(1), correlation, "c-name", "c-id", 4, "hash", 12),
                                new RuntimeFact.Adopted(t.plusMillis(2), "c-name", "c-id", 4, true),
                                new RuntimeFact.Started(t.plusMillis(3), correlation, "c-name", "c-id", false, 34),
                                new RuntimeFact.Recreated(t.plusMillis(4), "c-name", 3, 4, 567)))
                .join();

        List<Event> events = fleet.audited();
        assertThat(events)
                .extracting(Event::type)
                .containsExactly("RuntimeStopped", "RuntimeSpawned", "RuntimeStarted", "RuntimeRecreated");
        assertThat(events.get(0))
                .usingRecursiveComparison()
                .ignoringFields("eventId")
                .isEqualTo(new RuntimeStopped(
                        null,
                        t,
                        user,
                        causation,
                        FakeFleet.WORKER,
                        "c-name",
                        StopReason.SETTINGS_RECREATE,
                        true,
                        false));
        assertThat(events.get(1))
                .usingRecursiveComparison()
                .ignoringFields("eventId")
                .isEqualTo(new RuntimeSpawned(
                        null,
                        t.plusMillis(1),
                        user,
                        correlation,
                        causation,
                        FakeFleet.WORKER,
                        "c-name",
                        "c-id",
                        4,
                        "hash",
                        12));
        assertThat(events.get(2))
                .usingRecursiveComparison()
                .ignoringFields("eventId")
                .isEqualTo(new RuntimeStarted(
                        null,
                        t.plusMillis(3),
                        user,
                        correlation,
                        causation,
                        FakeFleet.WORKER,
                        "c-name",
                        "c-id",
                        false,
                        34));
        assertThat(events.get(3))
                .usingRecursiveComparison()
                .ignoringFields("eventId")
                .isEqualTo(new RuntimeRecreated(
                        null, t.plusMillis(4), user, causation, FakeFleet.WORKER, "c-name", 3, 4, 567));
        assertThat(fleet.producer.history()).allSatisfy(record -> {
            assertThat(record.topic()).isEqualTo(fleet.topics.events());
            assertThat(record.key()).isEqualTo(user.asciiBytes());
        });
    }

    @Test
    void aStopOfAContainerWithNoKnownFamilyIsAuditedWithoutAKey() {
        fleet.audit
                .record(null, null, new RuntimeFact.Stopped(t, "hermes-user-usr_old", StopReason.ORPHAN, true, false))
                .join();

        assertThat(fleet.producer.history())
                .singleElement()
                .satisfies(record -> assertThat(record.key()).isNull());
        RuntimeStopped stopped = (RuntimeStopped) fleet.audited().get(0);
        assertThat(stopped.userId()).isNull();
        assertThat(stopped.containerName()).isEqualTo("hermes-user-usr_old");
    }
}
