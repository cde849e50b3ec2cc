package dev.hermes.worker.docker.hosts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermes.admin.DockerHost;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HostChoiceTest {
    private static final DockerHost A = new DockerHost("a", "unix:///a.sock", "127.0.0.1", 100);
    private static final DockerHost B = new DockerHost("b", "unix:///b.sock", "127.0.0.2", 40);
    private static final List<DockerHost> HOSTS = List.of(A, B);

    @Test
    void theHostWithTheMostFreeCapacityIsChosenNotTheEmptiest() {
        // a holds more, but has more room left: 100-50 = 50 against 40-5 = 35
        assertThat(HostChoice.choose(HOSTS, Map.of("a", 50, "b", 5), Set.of())).contains(A);
        assertThat(HostChoice.choose(HOSTS, Map.of("a", 70, "b", 5), Set.of())).contains(B);
    }

    @Test
    void aTieGoesToTheHostListedFirst() {
        assertThat(HostChoice.choose(HOSTS, Map.of("a", 60), Set.of())).contains(A);
    }

    @Test
    void aDrainingOrUnreachableHostIsNeverChosen() {
        assertThat(HostChoice.choose(HOSTS, Map.of("a", 0, "b", 39), Set.of("a")))
                .contains(B);
        assertThat(HostChoice.choose(HOSTS, Map.of(), Set.of("a", "b"))).isEmpty();
    }

    @Test
    void whenEveryOpenHostIsFullTheLeastOverfullOneIsChosen() {
        assertThat(HostChoice.choose(HOSTS, Map.of("a", 110, "b", 45), Set.of()))
                .contains(B);
    }

    @Test
    void spreadingFortyNewFamiliesFillsTheFreeCapacityInProportion() {
        Map<String, Integer> used = new java.util.HashMap<>(Map.of("a", 70, "b", 0));
        for (int i = 0; i < 40; i++) {
            String host = HostChoice.choose(HOSTS, used, Set.of()).orElseThrow().name();
            used.merge(host, 1, Integer::sum);
        }
        // free 30 and 40: b takes 10 alone, then they alternate 15 each
        assertThat(used).containsEntry("a", 85).containsEntry("b", 25);
    }
}
