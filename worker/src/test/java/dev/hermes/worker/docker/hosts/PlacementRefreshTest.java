package dev.hermes.worker.docker.hosts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermes.admin.DockerHost;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.docker.Docker;
import dev.hermes.worker.fakes.FakeDocker;
import dev.hermes.worker.fakes.MutableClock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlacementRefreshTest {
    private static final DockerHost A = new DockerHost("a", "unix:///a.sock", "127.0.0.1", 10);
    private static final DockerHost B = new DockerHost("b", "unix:///b.sock", "127.0.0.2", 10);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final FakeDocker a = new FakeDocker(clock);
    private final FakeDocker b = new FakeDocker(clock);
    private final UserId family = UserId.random();

    private Engines engines() {
        Map<DockerHost, Docker> clients = new LinkedHashMap<>();
        clients.put(A, a);
        clients.put(B, b);
        Engines engines = new Engines(clients, new HostOutages(List.of(A, B), clock), Set::of, clock);
        engines.hosts().forEach(h -> engines.probe(h.name()));
        return engines;
    }

    private static Map<String, String> copiedFromB() {
        return Map.of(UnfinishedMoves.LABEL_MOVE_FROM, "b", UnfinishedMoves.LABEL_MOVE_AT, "1000");
    }

    @Test
    void learningNeverPlacesAFamilyOnTheCopyAnInterruptedMoveLeft() {
        a.addVolume(family.volumeName(), copiedFromB());
        b.addVolume(family.volumeName(), Map.of());

        Engines engines = engines();

        assertThat(engines.hostOfFamily(family.containerName())).isEqualTo("b");
        assertThat(a.hasVolume(family.volumeName()))
                .as("learning removes nothing: only the family's owner does")
                .isTrue();
    }

    @Test
    void aFamilyWhoseMoveFinishedIsPlacedOnItsNewHost() {
        a.addVolume(family.volumeName(), copiedFromB());

        assertThat(engines().hostOfFamily(family.containerName())).isEqualTo("a");
    }

    @Test
    void aGainedFamilyMovedMeanwhileByAnotherWorkerIsPlacedWhereItIsNow() {
        b.addVolume(family.volumeName(), Map.of());
        Engines engines = engines();
        assertThat(engines.hostOfFamily(family.containerName())).isEqualTo("b");
        // another worker moved it while this one did not own it
        b.removeVolume(family.volumeName());
        a.addVolume(family.volumeName(), copiedFromB());
        UserId other = UserId.random();
        b.addVolume(other.volumeName(), Map.of());

        int looked = new PlacementRefresh(engines).refresh(family::equals);

        assertThat(looked).isEqualTo(1);
        assertThat(engines.hostOfFamily(family.containerName())).isEqualTo("a");
    }

    @Test
    void theOwnerRemovesTheUnfinishedCopyOfAGainedFamilyAndKeepsItsSource() {
        a.addVolume(family.volumeName(), copiedFromB());
        b.addVolume(family.volumeName(), Map.of());
        Engines engines = engines();

        new PlacementRefresh(engines).refresh(family::equals);

        assertThat(a.hasVolume(family.volumeName())).isFalse();
        assertThat(b.hasVolume(family.volumeName())).isTrue();
        assertThat(engines.hostOfFamily(family.containerName())).isEqualTo("b");
    }

    @Test
    void familiesOfOtherPartitionsAreLeftAlone() {
        a.addVolume(family.volumeName(), copiedFromB());
        b.addVolume(family.volumeName(), Map.of());

        new PlacementRefresh(engines()).refresh(user -> false);

        assertThat(a.hasVolume(family.volumeName())).isTrue();
    }

    @Test
    void aMoveTargetIsNeverTheSourceNorADrainedHost() {
        Engines engines = engines();

        assertThat(engines.choose(Set.of("b"))).map(DockerHost::name).contains("a");
        assertThat(engines.choose(Set.of("a", "b"))).isEmpty();
    }

    @Test
    void aFamilysNameGivesItsUser() {
        assertThat(PlacementRefresh.userOf(family.containerName())).contains(family);
        assertThat(PlacementRefresh.userOf(family.volumeName())).contains(family);
        assertThat(PlacementRefresh.userOf(UnfinishedMoves.CARRIER_PREFIX + family.hex()))
                .contains(family);
        assertThat(PlacementRefresh.userOf("hermes-user-usr_legacy")).isEmpty();
    }
}
