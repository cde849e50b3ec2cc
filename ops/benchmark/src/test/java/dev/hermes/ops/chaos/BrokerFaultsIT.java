package dev.hermes.ops.chaos;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The fault suite's CI subset (the full suite is ops/chaos): two workers on a broker container, a short
 * broker pause and a broker kill with a restart 10 s later, each under a small steady load. Asserts what
 * must hold whatever the timings: no request lost, no family with two containers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrokerFaultsIT {
    private ChaosStack stack;
    private ScenarioRunner runner;

    @BeforeAll
    void upStack() throws Exception {
        String runId = ChaosStack.newRunId();
        ChaosConfig config = ChaosConfig.fromEnv(System.getenv(), Map.of("hermes.test", "chaos-" + runId));
        KafkaImage.ensure(config.kafkaImage());
        stack = new ChaosStack(config, runId);
        stack.up(2); // on failure, @AfterAll still closes what was started
        runner = new ScenarioRunner(stack, LoadShape.quick(), System.err);
    }

    @AfterAll
    void downStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aPausedBrokerLosesNoRequestAndDuplicatesNoContainer() {
        assertHolds(runner.run(new BrokerPause(Duration.ofSeconds(5))));
    }

    @Test
    void aKilledAndRestartedBrokerLosesNoRequestAndDuplicatesNoContainer() {
        assertHolds(runner.run(new BrokerKill(Duration.ofSeconds(10))));
    }

    private static void assertHolds(ScenarioResult result) {
        FleetFaultsIT.assertHolds(result);
    }
}
