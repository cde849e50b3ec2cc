package dev.hermes.ops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.hermes.schemas.EventCodec;
import dev.hermes.schemas.RuntimeStopped;
import dev.hermes.schemas.StopReason;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.testing.HermesStack;
import dev.hermes.worker.testing.Stack;
import dev.hermes.worker.testing.TopicDump;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** `forget` and `topics` against real Docker and Kafka, through the command line. */
@HermesStack.Use
class ForgetAndTopicsCommandIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Map<String, String> env(Stack stack) {
        return Map.of(
                "KAFKA_BOOTSTRAP_SERVERS",
                stack.bootstrapServers(),
                "HERMES_TOPIC_PREFIX",
                stack.topics().prefix());
    }

    @Test
    void forgetRemovesTheContainerAndWithDeleteDataTheVolumeTombstonesAndAudits(Stack stack) throws Exception {
        UserId user = stack.newUser();
        stack.docker().createVolumeCmd().withName(user.volumeName()).exec();
        stack.docker()
                .createContainerCmd(Stack.IMAGE)
                .withName(user.containerName())
                .exec();

        CliRun run = CliRun.run(env(stack), "forget", user.value(), "--delete-data", "--json");
        CliRun again = CliRun.run(env(stack), "forget", user.value());

        assertThat(run.code()).as(run.err()).isZero();
        JsonNode outcome = JSON.readTree(run.out());
        assertThat(outcome.get("container").asText()).isEqualTo("removed");
        assertThat(outcome.get("data").asText()).isEqualTo("DELETED");
        assertThat(again.out())
                .isEqualTo(user + " FORGOTTEN container absent, data kept, tombstone on partition "
                        + outcome.get("tombstonePartition").asInt() + System.lineSeparator());
        assertThat(absent(() ->
                        stack.docker().inspectContainerCmd(user.containerName()).exec()))
                .isTrue();
        assertThat(absent(
                        () -> stack.docker().inspectVolumeCmd(user.volumeName()).exec()))
                .isTrue();
        List<ConsumerRecord<byte[], byte[]>> tombstones =
                TopicDump.records(stack.bootstrapServers(), stack.topics().lastActive()).stream()
                        .filter(r -> r.value() == null)
                        .filter(r -> new String(r.key()).equals(user.value()))
                        .toList();
        assertThat(tombstones).hasSize(2).allSatisfy(r -> {
            assertThat(r.partition())
                    .isEqualTo(outcome.get("tombstonePartition").asInt());
            assertThat(new String(r.key())).isEqualTo(user.value());
        });
        List<RuntimeStopped> audited = TopicDump.values(
                        stack.bootstrapServers(), stack.topics().events())
                .stream()
                .map(v -> new EventCodec().decode(v))
                .filter(RuntimeStopped.class::isInstance)
                .map(RuntimeStopped.class::cast)
                .filter(e -> Objects.equals(e.userId(), user))
                .toList();
        assertThat(audited).extracting(RuntimeStopped::reason).containsExactly(StopReason.FORGET, StopReason.FORGET);
    }

    @Test
    void forgetRefusesAFamilyOfAnotherFleetUnlessThatFleetIsNamed(Stack stack) throws Exception {
        UserId user = stack.newUser();
        String id = stack.docker()
                .createContainerCmd(Stack.IMAGE)
                .withName(user.containerName())
                .withLabels(Map.of("hermes.managed", "true", "hermes.fleet", "staging"))
                .exec()
                .getId();
        Map<String, String> production = new java.util.HashMap<>(env(stack));
        production.put("HERMES_GROUP_ID", "production");

        CliRun refused = CliRun.run(production, "forget", user.value());
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err()).contains("'staging'").contains("'production'").contains("--fleet staging");
        assertThat(stack.docker()
                        .inspectContainerCmd(user.containerName())
                        .exec()
                        .getId())
                .isEqualTo(id);

        CliRun named = CliRun.run(production, "forget", user.value(), "--fleet", "staging");
        assertThat(named.code()).as(named.err()).isZero();
        assertThat(absent(() ->
                        stack.docker().inspectContainerCmd(user.containerName()).exec()))
                .isTrue();
    }

    @Test
    void topicsCreateIsIdempotentAndVerifyChecksTheLayout(Stack stack) throws Exception {
        Map<String, String> fresh = Map.of("KAFKA_BOOTSTRAP_SERVERS", stack.bootstrapServers());

        CliRun created = CliRun.run(
                fresh,
                "topics",
                "create",
                "--topic-prefix=" + stack.topics().prefix() + "x.",
                "--partitions=3",
                "--json");
        CliRun again = CliRun.run(
                fresh, "topics", "create", "--topic-prefix", stack.topics().prefix() + "x.", "--partitions", "3");
        CliRun verified = CliRun.run(
                fresh, "topics", "verify", "--topic-prefix=" + stack.topics().prefix() + "x.");
        CliRun missing = CliRun.run(
                fresh, "topics", "verify", "--topic-prefix=" + stack.topics().prefix() + "none.");

        assertThat(created.code()).as(created.err()).isZero();
        JsonNode document = JSON.readTree(created.out());
        assertThat(document.get("partitions").asInt()).isEqualTo(3);
        assertThat(document.get("prefix").asText()).isEqualTo(stack.topics().prefix() + "x.");
        assertThat(again.out())
                .isEqualTo("topics ready: prefix " + stack.topics().prefix() + "x., 3 partitions"
                        + System.lineSeparator());
        assertThat(verified.code()).isZero();
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).startsWith("topics verify: cannot describe the hermes topics");
    }

    private static boolean absent(Runnable inspect) {
        try {
            inspect.run();
            return false;
        } catch (NotFoundException e) {
            return true;
        }
    }
}
