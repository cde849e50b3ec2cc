package dev.hermes.ops.chaos;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The PostgreSQL scenarios, short, on a PostgreSQL server of the test's own (never the machine's shared
 * one): stopped during a burst, and in a settings recreate campaign. Runs with -Dhermes.chaos=true.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnabledIfSystemProperty(named = "hermes.chaos", matches = "true")
class PostgresFaultsIT {
    private ChaosStack stack;
    private ScenarioRunner runner;

    @BeforeAll
    void upStack() throws Exception {
        String runId = ChaosStack.newRunId();
        PrivatePostgres postgres = PrivatePostgres.start();
        try {
            ChaosConfig config = ChaosConfig.fromEnv(System.getenv(), Map.of("hermes.test", "chaos-" + runId))
                    .withPg(postgres.jdbcUrl(), "postgres");
            KafkaImage.ensure(config.kafkaImage());
            stack = new ChaosStack(config, runId).withPrivatePostgres(postgres);
        } catch (Exception e) {
            postgres.close();
            throw e;
        }
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
    void postgresDownInABurstLosesNoRequestAndDuplicatesNoContainer() {
        FleetFaultsIT.assertHolds(runner.run(new PostgresDown(false, Duration.ofSeconds(10), 5)));
    }

    @Test
    void postgresDownInARecreateCampaignLosesNoRequestAndDuplicatesNoContainer() {
        FleetFaultsIT.assertHolds(runner.run(new PostgresDown(true, Duration.ofSeconds(10), 0)));
    }
}
