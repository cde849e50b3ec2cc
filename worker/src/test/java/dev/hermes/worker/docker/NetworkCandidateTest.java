package dev.hermes.worker.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NetworkCandidateTest {
    private static final Instant T = Instant.parse("2026-11-30T13:46:40.014Z");

    @Test
    void theOldestOfTheExactNameIsChosenWhateverTheListOrder() {
        NetworkCandidate oldest = new NetworkCandidate("ccc", "hermes-a", T);
        NetworkCandidate younger = new NetworkCandidate("aaa", "hermes-a", T.plusMillis(2));
        NetworkCandidate evenOlderButAnotherName = new NetworkCandidate("000", "hermes-ab", T.minusSeconds(60));

        assertThat(NetworkCandidate.chosen(List.of(younger, evenOlderButAnotherName, oldest), "hermes-a"))
                .contains(oldest);
        assertThat(NetworkCandidate.chosen(List.of(oldest, younger, evenOlderButAnotherName), "hermes-a"))
                .contains(oldest);
    }

    @Test
    void createdAtTheSameInstantTheLowestIdIsChosen() {
        NetworkCandidate b = new NetworkCandidate("bbb", "hermes-a", T);
        NetworkCandidate a = new NetworkCandidate("aaa", "hermes-a", T);

        assertThat(NetworkCandidate.chosen(List.of(b, a), "hermes-a")).contains(a);
    }

    @Test
    void onlySubstringMatchesMeanThereIsNone() {
        assertThat(NetworkCandidate.chosen(List.of(new NetworkCandidate("x", "hermes-a-2", T)), "hermes-a"))
                .isEmpty();
        assertThat(NetworkCandidate.chosen(List.of(), "hermes-a")).isEmpty();
    }

    @Test
    void theFleetNetworkIsNamedAfterTheFleetLabelledAndHasInterContainerTrafficOff() {
        RuntimeNetwork network = RuntimeNetwork.forFleet("staging fleet/1", Map.of("team", "ops"));

        assertThat(network.name()).isEqualTo("hermes-staging-fleet-1");
        assertThat(network.labels())
                .containsEntry(ContainerSpec.LABEL_MANAGED, "true")
                .containsEntry(ContainerSpec.LABEL_FLEET, "staging fleet/1")
                .containsEntry("team", "ops");
        assertThat(network.options()).containsExactlyEntriesOf(Map.of(RuntimeNetwork.ICC_OPTION, "false"));
        assertThat(network.fingerprint()).contains("hermes-staging-fleet-1", "enable_icc=false");
    }
}
