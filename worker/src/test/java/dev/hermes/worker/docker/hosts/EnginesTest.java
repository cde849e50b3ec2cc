package dev.hermes.worker.docker.hosts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermes.admin.DockerHost;
import dev.hermes.worker.docker.ContainerSpec;
import dev.hermes.worker.docker.Docker;
import dev.hermes.worker.docker.RuntimeLimits;
import dev.hermes.worker.docker.RuntimeNetwork;
import dev.hermes.worker.fakes.FakeDocker;
import dev.hermes.worker.fakes.MutableClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EnginesTest {
    private static final DockerHost A = new DockerHost("a", "unix:///a.sock", "127.0.0.1", 3);
    private static final DockerHost B = new DockerHost("b", "unix:///b.sock", "127.0.0.2", 3);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final FakeDocker a = new FakeDocker(clock);
    private final FakeDocker b = new FakeDocker(clock);
    private final AtomicReference<Set<String>> drained = new AtomicReference<>(Set.of());
    private Engines engines;
    private MultiHostDocker docker;

    @BeforeEach
    void twoHostsAHoldingOneFamily() {
        a.addVolume("hermes-user-00-data", Map.of());
        Map<DockerHost, Docker> clients = new LinkedHashMap<>();
        clients.put(A, a);
        clients.put(B, b);
        engines = new Engines(clients, new HostOutages(List.of(A, B), clock), drained::get, clock);
        engines.hosts().forEach(h -> engines.probe(h.name()));
        docker = new MultiHostDocker(engines);
    }

    @Test
    void newFamiliesGoWhereTheMostRoomIsAndArePublishedOnTheirHostsAddress() {
        List<String> hosts = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            String name = "hermes-user-0" + i;
            docker.createVolume(name + "-data", Map.of());
            docker.createContainer(spec(name), List.of("/init"));
            hosts.add(engines.hostOfFamily(name));
        }

        // room: a 2, b 3 -> b; tie 2:2 -> a (listed first); b; tie -> a
        assertThat(hosts).containsExactly("b", "a", "b", "a");
        assertThat(b.container("hermes-user-01").orElseThrow().labels)
                .containsEntry(ContainerSpec.LABEL_HOST, "b")
                .containsEntry(ContainerSpec.LABEL_PUBLISH_ADDRESS, "127.0.0.2");
        assertThat(a.container("hermes-user-01")).isEmpty();
        assertThat(docker.inspect("hermes-user-02").orElseThrow().labels())
                .containsEntry(ContainerSpec.LABEL_PUBLISH_ADDRESS, "127.0.0.1");
    }

    @Test
    void aFamilyWhoseVolumeAnotherWorkerMadeSinceGoesToThatHost() {
        b.addVolume("hermes-user-77-data", Map.of());
        a.addVolume("hermes-user-78-data", Map.of());

        docker.createVolume("hermes-user-77-data", Map.of());
        docker.createContainer(spec("hermes-user-78"), List.of("/init"));

        assertThat(engines.hostOfFamily("hermes-user-77")).isEqualTo("b");
        assertThat(engines.hostOfFamily("hermes-user-78"))
                .as("a has less room, but holds its volume")
                .isEqualTo("a");
        assertThat(a.container("hermes-user-78")).isPresent();
    }

    @Test
    void aDrainedOrDownHostGetsNoNewFamilyButKeepsItsOwn() {
        docker.createVolume("hermes-user-01-data", Map.of());
        assertThat(engines.hostOfFamily("hermes-user-01")).isEqualTo("b");

        drained.set(Set.of("b"));
        docker.createVolume("hermes-user-02-data", Map.of());
        drained.set(Set.of());
        engines.outages().of("b").unreachable();
        docker.createVolume("hermes-user-03-data", Map.of());
        docker.createContainer(spec("hermes-user-01"), List.of("/init"));

        assertThat(engines.hostOfFamily("hermes-user-02")).isEqualTo("a");
        assertThat(engines.hostOfFamily("hermes-user-03")).isEqualTo("a");
        assertThat(b.container("hermes-user-01"))
                .as("its own family stays on b")
                .isPresent();
    }

    @Test
    void withEveryHostClosedANewFamilyIsRefusedAsUnreachable() {
        drained.set(Set.of("a"));
        engines.outages().of("b").unreachable();

        assertThatThrownBy(() -> docker.createVolume("hermes-user-09-data", Map.of()))
                .isInstanceOf(HostUnreachableException.class)
                .hasMessageContaining("no Docker host takes new families")
                .satisfies(e -> assertThat(dev.hermes.worker.docker.DockerOutage.unreachable(e))
                        .isTrue());
    }

    private static ContainerSpec spec(String name) {
        return new ContainerSpec(
                name,
                name + "-data",
                "sha256:img",
                Path.of("/plugins"),
                8642,
                "127.0.0.1",
                Map.of(ContainerSpec.LABEL_MANAGED, "true"),
                List.of(),
                1,
                "hash",
                new RuntimeLimits(1024, 1.0, 256, List.of(), "10m", 3),
                RuntimeNetwork.forFleet("f", Map.of()));
    }
}
