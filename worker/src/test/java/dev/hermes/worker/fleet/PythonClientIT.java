package dev.hermes.worker.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hermes.schemas.UserId;
import dev.hermes.worker.testing.Agent;
import dev.hermes.worker.testing.HermesStack;
import dev.hermes.worker.testing.Stack;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Python example (producer-client/python, on Debian's python3-confluent-kafka) against a real worker. */
@HermesStack.Use
class PythonClientIT {
    @AfterEach
    void stopWorkers(Stack stack) {
        stack.stopWorkers();
    }

    private static final Pattern URL = Pattern.compile("\"step\": \"ready\", \"url\": \"([^\"]+)\"");

    @Test
    void thePythonExampleEnsuresAndHeartbeatsOnTheCanonicalPartition(Stack stack) throws Exception {
        ClientProcesses.requirePython();
        stack.startWorker();
        UserId user = stack.newUser();

        ClientProcesses.Result run = example(stack, user.value(), "60");

        assertThat(run.exitCode()).as(run.output()).isZero();
        Matcher url = URL.matcher(run.output());
        assertThat(url.find()).as(run.output()).isTrue();
        assertThat(Agent.status(url.group(1), "/health", null)).isEqualTo(200);
        assertThat(run.output()).contains("{\"step\": \"heartbeat\"}");
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(CanonicalRecords.heartbeatDevices(stack, user))
                        .as("the heartbeat, on the family's murmur2 partition")
                        .contains("python-example"));
        assertThat(CanonicalRecords.offCanonical(stack, user))
                .as("murmur2_random, not CRC32")
                .isEmpty();
    }

    @Test
    void thePythonExampleRefusesABadIdAndTimesOutClearly(Stack stack) throws Exception {
        ClientProcesses.requirePython();
        ClientProcesses.Result bad = example(stack, "NOT-A-UUID", "5");
        assertThat(bad.exitCode()).as(bad.output()).isEqualTo(1);
        assertThat(bad.output()).contains("\"code\": \"INVALID_USER_ID\"");

        // no worker runs in this test: nobody answers
        UserId user = stack.newUser();
        ClientProcesses.Result late = example(stack, user.value(), "1");
        assertThat(late.exitCode()).as(late.output()).isEqualTo(1);
        assertThat(late.output()).contains("\"code\": \"TIMEOUT\"").contains("within 1.0 s");
    }

    private static ClientProcesses.Result example(Stack stack, String user, String timeoutSec) throws Exception {
        return ClientProcesses.run(
                ClientProcesses.PYTHON_CLIENT,
                Map.of(
                        "HERMES_KAFKA_BOOTSTRAP",
                        stack.bootstrapServers(),
                        "HERMES_TOPIC_PREFIX",
                        stack.topics().prefix(),
                        "HERMES_REPLY_PARTITION",
                        "2",
                        "HERMES_CLIENT_SOURCE",
                        "python-it"),
                120,
                List.of("/usr/bin/python3", "example.py", user, timeoutSec));
    }
}
