package dev.hermes.worker.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermes.schemas.RuntimeStopped;
import dev.hermes.schemas.StopReason;
import dev.hermes.worker.fakes.FakeFleet;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrphanSweeperTest {
    private final FakeFleet fleet = new FakeFleet();
    private final OrphanSweeper sweeper = new OrphanSweeper(fleet.docker, fleet.audit, fleet.meters, fleet.clock);

    @Test
    void onlyLegacyOrphansAreRemovedAndEachIsAudited() {
        fleet.docker.existing("hermes-user-usr_42", Map.of(), 8642, false);
        fleet.docker.existing("hermes-user-0f0c3f1d8a11", Map.of(), 8642, true);
        fleet.docker.existing("someone-elses", Map.of(), 80, true);

        assertThat(sweeper.sweep()).isEqualTo(1);

        assertThat(fleet.docker.container("hermes-user-usr_42")).isEmpty();
        assertThat(fleet.docker.container("hermes-user-0f0c3f1d8a11")).isPresent();
        assertThat(fleet.docker.container("someone-elses")).isPresent();
        RuntimeStopped stopped = fleet.audited(RuntimeStopped.class).get(0);
        assertThat(stopped.userId()).isNull();
        assertThat(stopped.containerName()).isEqualTo("hermes-user-usr_42");
        assertThat(stopped.reason()).isEqualTo(StopReason.ORPHAN);
        assertThat(stopped.removed()).isTrue();
        assertThat(sweeper.sweep()).as("nothing left to sweep").isZero();
    }

    @Test
    void aLegacyNamedContainerThatCarriesAFleetLabelIsSomeFleetsAndIsLeftAlone() {
        fleet.docker.existing(
                "hermes-user-usr_7", Map.of("hermes.managed", "true", "hermes.fleet", "other"), 8642, true);

        assertThat(sweeper.sweep()).isZero();
        assertThat(fleet.docker.container("hermes-user-usr_7")).isPresent();
    }
}
