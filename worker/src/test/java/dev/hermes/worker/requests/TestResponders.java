package dev.hermes.worker.requests;

import dev.hermes.worker.activity.ActivityTracker;
import dev.hermes.worker.fakes.FakeFleet;
import dev.hermes.worker.spawn.Ensurer;
import java.time.Duration;

/** Responders on a fake fleet, with the defaults the tests share: stale after 60 s, no waiting out Docker outages. */
final class TestResponders {
    private TestResponders() {}

    static Responder of(FakeFleet fleet, Ensurer ensurer, ActivityTracker activity) {
        return new Responder(
                ensurer,
                fleet.publisher,
                fleet.audit,
                activity,
                fleet.meters,
                fleet.clock,
                FakeFleet.WORKER,
                Duration.ofSeconds(60),
                DockerWait.never(fleet.clock));
    }
}
