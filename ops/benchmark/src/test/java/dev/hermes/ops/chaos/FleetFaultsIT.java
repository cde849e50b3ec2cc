package dev.hermes.ops.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The fault suite's worker and agent scenarios on three workers, short: a worker SIGKILLed in a settings
 * recreate campaign, and three families with broken agents. Not in CI's default path (it would add some
 * four minutes); runs with -Dhermes.chaos=true, and in full with ops/chaos.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnabledIfSystemProperty(named = "hermes.chaos", matches = "true")
class FleetFaultsIT {
    private ChaosStack stack;
    private ScenarioRunner runner;

    @BeforeAll
    void upStack() throws Exception {
        String runId = ChaosStack.newRunId();
        ChaosConfig config = ChaosConfig.fromEnv(System.getenv(), Map.of("hermes.test", "chaos-" + runId));
        KafkaImage.ensure(config.kafkaImage());
        stack = new ChaosStack(config, runId);
        stack.up(3); // on failure, @AfterAll still closes what was started
        runner = new ScenarioRunner(stack, LoadShape.quick(), System.err);
    }

    @AfterAll
    void downStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aWorkerKilledInARecreateCampaignLosesNoRequestAndDuplicatesNoContainer() {
        assertHolds(runner.run(new WorkerKillInRecreate(Duration.ofMillis(500))));
    }

    @Test
    void brokenAgentsLoseNoRequestAndDuplicateNoContainer() {
        assertHolds(runner.run(new AgentFaults(Duration.ofSeconds(20))));
    }

    static void assertHolds(ScenarioResult result) {
        String table = "\n" + ChaosTable.render(List.of(result)) + result.extras();
        assertThat(result.error()).as("the scenario ran" + table).isNull();
        assertThat(result.sent()).as("requests were sent" + table).isPositive();
        assertThat(result.lost()).as("requests lost" + table).isZero();
        assertThat(result.duplicates())
                .as("families with two containers" + table)
                .isZero();
    }
}
