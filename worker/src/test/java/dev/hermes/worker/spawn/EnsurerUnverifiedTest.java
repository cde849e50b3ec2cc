package dev.hermes.worker.spawn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermes.schemas.StopReason;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.audit.RuntimeFact;
import dev.hermes.worker.fakes.FakeFleet;
import dev.hermes.worker.runtime.Runtime;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** While the Docker event stream is broken, a warm answer is checked against Docker first. */
class EnsurerUnverifiedTest {
    private final FakeFleet fleet = new FakeFleet();

    @Test
    void aRuntimeThatDiedUnseenIsNotAnsweredButStartedAgainAndTheDeathIsAFact() {
        UserId user = UserId.random();
        Runtime known = fleet.ensurer.ensure(user, null).runtime();
        fleet.docker.container(user.containerName()).orElseThrow().running = false;
        fleet.registry.unverified(true);

        assertThat(fleet.ensurer.isWarm(user)).isFalse();
        EnsureOutcome outcome = fleet.ensurer.ensure(user, null);

        assertThat(outcome.cold()).isTrue();
        assertThat(fleet.docker.container(user.containerName()).orElseThrow().running)
                .isTrue();
        assertThat(outcome.facts())
                .filteredOn(RuntimeFact.Stopped.class::isInstance)
                .map(RuntimeFact.Stopped.class::cast)
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.reason()).isEqualTo(StopReason.DIED);
                    assertThat(s.containerName()).isEqualTo(known.containerName());
                });
    }

    @Test
    void aRuntimeStillRunningIsAnsweredAfterOneInspect() {
        UserId user = UserId.random();
        Runtime known = fleet.ensurer.ensure(user, null).runtime();
        fleet.registry.unverified(true);
        int callsBefore = fleet.docker.calls().size();

        EnsureOutcome outcome = fleet.ensurer.ensure(user, null);

        assertThat(outcome.runtime()).isEqualTo(known);
        assertThat(outcome.cold()).isFalse();
        assertThat(outcome.facts()).isEmpty();
        assertThat(fleet.docker
                        .calls()
                        .subList(callsBefore, fleet.docker.calls().size()))
                .noneMatch(call -> call.startsWith("start") || call.startsWith("create"));
    }

    @Test
    void aRuntimeWhoseContainerRunsButWhoseUrlIsDeadIsNotAnsweredFromMemoryItsHealthIsAwaitedAgain() {
        UserId user = UserId.random();
        fleet.ensurer.ensure(user, null);
        fleet.registry.unverified(true);
        AtomicInteger awaited = new AtomicInteger();
        fleet.health = new HealthCheck() {
            @Override
            public boolean awaitHealthy(String name, String url, BooleanSupplier stillRunning) {
                awaited.incrementAndGet();
                return true;
            }

            @Override
            public boolean answersNow(String url) {
                return false; // a stopping dockerd took the published port down; the container still runs
            }
        };

        fleet.ensurer.ensure(user, null);

        assertThat(awaited)
                .as("the URL is checked again before it is handed out")
                .hasValue(1);
        assertThat(fleet.docker.container(user.containerName()).orElseThrow().running)
                .as("the running container is adopted, not replaced")
                .isTrue();
    }
}
