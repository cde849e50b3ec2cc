package dev.hermes.worker.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hermes.schemas.ApiKeys;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.testing.Agent;
import dev.hermes.worker.testing.HermesStack;
import dev.hermes.worker.testing.Stack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Node client (producer-client/node) against the real broker and a real worker: its node:test suites run as
 * a caller's process would. The unit suite checks the shared API-key and partition vectors; the contract suite
 * ensures, heartbeats, refuses a bad id, times out and closes; this class checks what it did from the outside.
 */
@HermesStack.Use
class NodeClientIT {
    @AfterEach
    void stopWorkers(Stack stack) {
        stack.stopWorkers();
    }

    @Test
    void theNodeUnitSuitePassesOnTheSharedVectors() throws Exception {
        ClientProcesses.requireNode();
        ClientProcesses.Result unit = ClientProcesses.run(
                ClientProcesses.NODE_CLIENT, Map.of(), 120, List.of("node", "--test", "test/unit/"));
        assertThat(unit.exitCode()).as(unit.output()).isZero();
        assertThat(unit.output()).contains("# fail 0").doesNotContain("# pass 0");
    }

    @Test
    void aNodeCallerEnsuresHeartbeatsAndIsRefusedOrTimedOutClearly(Stack stack) throws Exception {
        ClientProcesses.requireNode();
        stack.startWorker(Map.of("HERMES_LAST_ACTIVE_WRITE_INTERVAL_SEC", "0.5"));
        UserId user = stack.newUser();
        Path out = Files.createTempFile("node-client-it", ".json");

        ClientProcesses.Result it = ClientProcesses.run(
                ClientProcesses.NODE_CLIENT,
                Map.of(
                        "HERMES_KAFKA_BOOTSTRAP", stack.bootstrapServers(),
                        "HERMES_TOPIC_PREFIX", stack.topics().prefix(),
                        "HERMES_CLIENT_SOURCE", "node-it",
                        "HERMES_IT_USER", user.value(),
                        "HERMES_IT_SECRET", Stack.SECRET,
                        "HERMES_IT_OUT", out.toString()),
                180,
                List.of("node", "--test", "--test-concurrency=1", "test/it/"));

        assertThat(it.exitCode()).as(it.output()).isZero();
        assertThat(it.output()).contains("# pass 5").contains("# fail 0");
        JsonNode result = new ObjectMapper().readTree(out.toFile());
        Files.deleteIfExists(out);
        String url = result.path("url").asText();
        assertThat(Agent.status(url, "/health", null)).as("GET %s/health", url).isEqualTo(200);
        assertThat(result.path("apiKey").asText())
                .as("Node's apiKeyFor is the worker's key")
                .isEqualTo(ApiKeys.fromSecret(Stack.SECRET).keyFor(user));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(CanonicalRecords.heartbeatDevices(stack, user))
                        .as("the Node heartbeat, on the family's murmur2 partition")
                        .contains("node-it"));
        assertThat(CanonicalRecords.offCanonical(stack, user))
                .as("every Node record on the partition Java's partitioner gives the key")
                .isEmpty();
    }
}
