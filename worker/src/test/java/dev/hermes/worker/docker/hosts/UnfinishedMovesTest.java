package dev.hermes.worker.docker.hosts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UnfinishedMovesTest {
    private static final List<String> ORDER = List.of("a", "b", "c");

    private static Map<String, String> copiedFrom(String host, long at) {
        return Map.of(UnfinishedMoves.LABEL_MOVE_FROM, host, UnfinishedMoves.LABEL_MOVE_AT, Long.toString(at));
    }

    @Test
    void aCopyWhoseSourceStillHoldsTheVolumeIsUnfinishedAndTheSourceIsHome() {
        var verdict = UnfinishedMoves.judge(Map.of("a", copiedFrom("b", 10), "b", Map.of()), Set.of(), ORDER);

        assertThat(verdict.home()).contains("b");
        assertThat(verdict.unfinished()).containsExactly("a");
        assertThat(verdict.doubtful()).isFalse();
    }

    @Test
    void aCopyWhoseSourceNoLongerHoldsTheVolumeIsTheFamilysHome() {
        var verdict = UnfinishedMoves.judge(Map.of("a", copiedFrom("b", 10)), Set.of(), ORDER);

        assertThat(verdict.home()).contains("a");
        assertThat(verdict.unfinished()).isEmpty();
    }

    @Test
    void aCopyWhoseSourceDoesNotAnswerIsDoubtfulAndPlacesNothing() {
        var verdict = UnfinishedMoves.judge(Map.of("a", copiedFrom("b", 10)), Set.of("b"), ORDER);

        assertThat(verdict.doubtful()).isTrue();
        assertThat(verdict.home()).isEmpty();
    }

    @Test
    void whenTwoCopiesNameEachOtherTheLaterOneIsUnfinished() {
        // moved a -> b at 10 (finished), then b -> a at 20 and interrupted: a's copy is the unfinished one
        Map<String, Map<String, String>> volumes = new LinkedHashMap<>();
        volumes.put("a", copiedFrom("b", 20));
        volumes.put("b", copiedFrom("a", 10));

        var verdict = UnfinishedMoves.judge(volumes, Set.of(), ORDER);

        assertThat(verdict.unfinished()).containsExactly("a");
        assertThat(verdict.home()).contains("b");
    }

    @Test
    void plainVolumesAndLabelsNamingUnknownHostsAreNeverUnfinished() {
        var verdict = UnfinishedMoves.judge(Map.of("b", Map.of(), "c", copiedFrom("gone", 10)), Set.of(), ORDER);

        assertThat(verdict.unfinished()).isEmpty();
        assertThat(verdict.home()).as("the first listed of two plain volumes").contains("b");
    }
}
