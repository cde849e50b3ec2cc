package dev.hermes.ops.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermes.ops.chaos.DeadUrl.ContainerLife;
import dev.hermes.ops.chaos.DeadUrl.Verdict;
import dev.hermes.schemas.UserId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Telling a URL handed out dead from one that died after the answer, from Docker's times and the fault's. */
class DeadUrlTest {
    private static final UserId USER = UserId.random();
    private static final long ANSWERED = 10_000; // the worker's RuntimeReady occurredAt
    private static final long PROBED = 10_100;
    private static final Long SIGTERM = 9_000L;

    private static Sent dead(Sent.Kind kind, long workerAnsweredAt) {
        return new Sent(
                kind,
                USER,
                9_500,
                39_500,
                Sent.Answer.READY,
                10_050,
                null,
                "ready",
                Boolean.FALSE,
                "hermes-user-x",
                workerAnsweredAt,
                PROBED);
    }

    private static DeadUrl classify(ContainerLife life, Long sigterm) {
        return DeadUrl.classify(dead(Sent.Kind.COLD, ANSWERED), life, sigterm);
    }

    @Test
    void aStoppedContainerThatFinishedBeforeTheAnswerWasHandedOutDead() {
        DeadUrl d = classify(new ContainerLife(true, false, 1_000, 9_990), SIGTERM);
        assertThat(d.verdict()).isEqualTo(Verdict.DEAD_AT_ANSWER);
        assertThat(d.diedAtMs()).isEqualTo(9_990);
        assertThat(d.basis()).contains("10 ms before");
    }

    @Test
    void aStoppedContainerThatFinishedAfterTheAnswerDiedAfterIt() {
        DeadUrl d = classify(new ContainerLife(true, false, 1_000, 10_040), SIGTERM);
        assertThat(d.verdict()).isEqualTo(Verdict.DIED_AFTER_ANSWER);
        assertThat(d.basis()).contains("40 ms after");
    }

    @Test
    void aContainerStartedAgainKeepsItsLastFinishWhichDecides() {
        assertThat(classify(new ContainerLife(true, true, 20_000, 10_040), SIGTERM)
                        .verdict())
                .isEqualTo(Verdict.DIED_AFTER_ANSWER);
        assertThat(classify(new ContainerLife(true, true, 20_000, 9_000), SIGTERM)
                        .verdict())
                .isEqualTo(Verdict.DEAD_AT_ANSWER);
    }

    @Test
    void aContainerRunningSinceBeforeTheAnswerWhoseUrlDidNotAnswerCountsAsDeadAtTheAnswer() {
        DeadUrl d = classify(new ContainerLife(true, true, 1_000, 0), SIGTERM);
        assertThat(d.verdict()).isEqualTo(Verdict.DEAD_AT_ANSWER);
        assertThat(d.diedAtMs()).isNull();
        assertThat(d.basis()).contains("running since before the answer");
    }

    @Test
    void withoutADeathTimeOnlyAnAnswerBeforeTheSigtermAndAProbeAfterItCountsAsAfter() {
        assertThat(classify(ContainerLife.GONE, 10_050L).verdict()).isEqualTo(Verdict.DIED_AFTER_ANSWER);
        assertThat(classify(ContainerLife.GONE, SIGTERM).verdict())
                .as("answered after dockerd was told to stop")
                .isEqualTo(Verdict.DEAD_AT_ANSWER);
        assertThat(classify(ContainerLife.GONE, 10_200L).verdict())
                .as("the SIGTERM came after the probe")
                .isEqualTo(Verdict.DEAD_AT_ANSWER);
        assertThat(classify(ContainerLife.GONE, null).verdict())
                .as("a fault without a SIGTERM proves nothing")
                .isEqualTo(Verdict.DEAD_AT_ANSWER);
        // died again after a restart: its finish is not the answered run's
        assertThat(classify(new ContainerLife(true, false, 12_000, 13_000), null)
                        .verdict())
                .isEqualTo(Verdict.DEAD_AT_ANSWER);
    }

    @Test
    void theAnswerIsTheWorkersOrElseTheReplysArrival() {
        DeadUrl known = classify(new ContainerLife(true, false, 1_000, 10_020), null);
        DeadUrl unknown =
                DeadUrl.classify(dead(Sent.Kind.COLD, 0), new ContainerLife(true, false, 1_000, 10_020), null);
        assertThat(known.verdict()).isEqualTo(Verdict.DIED_AFTER_ANSWER);
        assertThat(unknown.answeredAtMs()).isEqualTo(10_050);
        assertThat(unknown.verdict()).isEqualTo(Verdict.DEAD_AT_ANSWER);
    }

    @Test
    void theJsonGivesEachTimeRelativeToTheFaultStart() {
        Map<String, Object> json =
                classify(new ContainerLife(true, false, 1_000, 10_040), SIGTERM).json(9_000);
        assertThat(json)
                .containsEntry("verdict", "died_after_answer")
                .containsEntry("worker_answered_ms", 1_000L)
                .containsEntry("reply_received_ms", 1_050L)
                .containsEntry("probed_ms", 1_100L)
                .containsEntry("died_ms", 1_040L)
                .containsEntry("container", "hermes-user-x");
    }

    @Test
    void onlyDeadAtTheAnswerFailsTheScenarioAndBrokenAgentFamiliesNeverDo() {
        Sent cold = dead(Sent.Kind.COLD, ANSWERED);
        Sent warm = dead(Sent.Kind.WARM, ANSWERED);
        Sent agent = dead(Sent.Kind.AGENT, ANSWERED);
        List<DeadUrl> after = List.of(
                DeadUrl.classify(cold, new ContainerLife(true, false, 1_000, 10_040), SIGTERM),
                DeadUrl.classify(agent, new ContainerLife(true, false, 1_000, 9_000), SIGTERM));
        ScenarioResult fine = result(List.of(cold, agent), after);
        assertThat(fine.deadUrls()).isEqualTo(2);
        assertThat(fine.deadAtAnswer()).isZero();
        assertThat(fine.diedAfterAnswer()).isEqualTo(1);
        assertThat(ChaosTable.ok(fine)).isTrue();

        ScenarioResult violated = result(
                List.of(warm), List.of(DeadUrl.classify(warm, new ContainerLife(true, false, 1_000, 9_000), SIGTERM)));
        assertThat(violated.deadAtAnswer()).isEqualTo(1);
        assertThat(ChaosTable.ok(violated)).isFalse();
        assertThat(ChaosTable.render(List.of(violated)))
                .contains("dead_at_answer")
                .contains("died_after_answer");
        assertThat(ChaosFigures.of(violated))
                .filteredOn(f -> f.name().equals("s.dead_at_answer"))
                .singleElement()
                .satisfies(f -> assertThat(f.ok()).isFalse());
        assertThat(ChaosFigures.of(fine))
                .filteredOn(f -> f.name().startsWith("s.d"))
                .allSatisfy(f -> assertThat(f.ok()).isNotEqualTo(Boolean.FALSE));
        assertThat(ChaosFigures.of(fine))
                .filteredOn(f -> f.name().equals("s.dead_urls"))
                .singleElement()
                .satisfies(f -> assertThat(f.extras()).containsKey("details"));
    }

    private static ScenarioResult result(List<Sent> sent, List<DeadUrl> dead) {
        return ScenarioResult.of(
                "s",
                sent.stream().map(s -> Outcome.of(s, null, null)).toList(),
                Set.of(),
                9_000,
                20_000,
                1_000,
                Map.of(),
                dead);
    }
}
