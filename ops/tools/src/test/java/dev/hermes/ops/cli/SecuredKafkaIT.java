package dev.hermes.ops.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hermes.admin.KafkaAccess;
import dev.hermes.schemas.KafkaPropertiesFile;
import dev.hermes.schemas.Topics;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.fleet.ClientProcesses;
import dev.hermes.worker.testing.Agent;
import dev.hermes.worker.testing.Stack;
import dev.hermes.worker.testing.WorkerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every hermes client through a SASL_PLAINTEXT listener with SCRAM-SHA-256, configured only by the file named by
 * HERMES_KAFKA_PROPERTIES_FILE: the worker (its own JVM, ready only once its admin client reaches Kafka) consuming
 * requests and answering, the CLI (topics create and verify, ensure, audit) and the Node client. The listener refuses a client without credentials or with a wrong password,
 * so none of this could pass against a plaintext listener.
 */
class SecuredKafkaIT {
    private static final String USER = "hermes";
    private static final String PASSWORD = "scram-" + UUID.randomUUID();
    private static final String WRONG_PASSWORD = "wrong-" + UUID.randomUUID();
    private static SaslBroker broker;
    private static Stack stack;
    private static Path credentials;
    private static Path wrongCredentials;

    @BeforeAll
    static void startTheSecuredBroker(@TempDir Path dir) throws Exception {
        broker = SaslBroker.start();
        broker.addUser(USER, PASSWORD);
        credentials = Files.writeString(dir.resolve("kafka.properties"), SaslBroker.clientProperties(USER, PASSWORD));
        wrongCredentials =
                Files.writeString(dir.resolve("wrong.properties"), SaslBroker.clientProperties(USER, WRONG_PASSWORD));
        stack = Stack.create(broker.plaintextBootstrap(), SecuredKafkaIT.class.getSimpleName());
    }

    @AfterAll
    static void stop() throws Exception {
        if (stack != null) {
            stack.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    /** The CLI's environment: the SASL listener, and the properties file {@code file} (null: none). */
    private static Map<String, String> cliEnv(Path file) {
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", broker.saslBootstrap());
        env.put("HERMES_TOPIC_PREFIX", stack.topics().prefix());
        if (file != null) {
            env.put(KafkaPropertiesFile.VARIABLE, file.toString());
        }
        return env;
    }

    @Test
    void theSaslListenerRefusesAClientWithoutCredentialsAndOneWithAWrongPassword() throws Exception {
        try (Admin anonymous = KafkaAccess.of(broker.saslBootstrap()).openAdmin("it-anonymous");
                Admin authenticated =
                        KafkaAccess.of(broker.saslBootstrap(), credentials).openAdmin("it-authenticated")) {
            assertThatThrownBy(() -> anonymous
                            .describeCluster(new DescribeClusterOptions().timeoutMs(3000))
                            .clusterId()
                            .get(10, TimeUnit.SECONDS))
                    .as("a client without credentials never gets past the SASL handshake")
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(TimeoutException.class);
            assertThat(authenticated.describeCluster().clusterId().get(10, TimeUnit.SECONDS))
                    .isNotBlank();
        }

        CliRun wrong = CliRun.run(cliEnv(wrongCredentials), "topics", "verify");

        assertThat(wrong.code()).as(wrong.out() + wrong.err()).isEqualTo(HermesCli.FAILED);
        assertThat(wrong.err()).contains("Authentication failed").contains(SaslBroker.MECHANISM);
        assertThat(wrong.out() + wrong.err()).doesNotContain(WRONG_PASSWORD);
    }

    @Test
    void theCliCreatesAndVerifiesTopicsAndReadsTheDlqThroughSasl() throws Exception {
        Topics topics = new Topics(stack.topics().prefix() + "sasl.");

        CliRun created = CliRun.run(
                cliEnv(credentials), "topics", "create", "--topic-prefix", topics.prefix(), "--partitions", "2");
        CliRun verified = CliRun.run(cliEnv(credentials), "topics", "verify", "--topic-prefix", topics.prefix());
        CliRun dlq = CliRun.run(cliEnv(credentials), "dlq", "list", "--topic-prefix", topics.prefix());

        assertThat(created.code()).as(created.err()).isZero();
        assertThat(created.out()).contains("topics ready: prefix " + topics.prefix() + ", 2 partitions");
        assertThat(verified.code()).as(verified.err()).isZero();
        assertThat(dlq.code()).as(dlq.err()).isZero();
        assertThat(dlq.out()).startsWith(topics.dlq() + ": 0 record(s)");
        try (Admin admin = broker.admin()) {
            assertThat(admin.listTopics().names().get(10, TimeUnit.SECONDS))
                    .contains(topics.requests(), topics.lastActive(), topics.events());
        }
    }

    @Test
    void theWorkerServesTheCliAndTheNodeClientThroughSasl(@TempDir Path dir) throws Exception {
        ClientProcesses.requireNode();
        WorkerProcess worker = WorkerProcess.start(
                        stack,
                        Map.of(
                                "KAFKA_BOOTSTRAP_SERVERS",
                                broker.saslBootstrap(),
                                KafkaPropertiesFile.VARIABLE,
                                credentials.toString()))
                .waitReady(Duration.ofSeconds(60));
        UserId cliUser = stack.newUser();
        UserId nodeUser = stack.newUser();
        Path out = dir.resolve("node-result.json");

        CliRun ensured = CliRun.run(cliEnv(credentials), "ensure", cliUser.value(), "--timeout", "90");
        ClientProcesses.Result node = ClientProcesses.run(
                ClientProcesses.NODE_CLIENT,
                Map.of(
                        "HERMES_KAFKA_BOOTSTRAP",
                        broker.saslBootstrap(),
                        KafkaPropertiesFile.VARIABLE,
                        credentials.toString(),
                        "HERMES_TOPIC_PREFIX",
                        stack.topics().prefix(),
                        "HERMES_REPLY_PARTITION",
                        "2",
                        "HERMES_CLIENT_SOURCE",
                        "node-sasl-it",
                        "HERMES_IT_USER",
                        nodeUser.value(),
                        "HERMES_IT_SECRET",
                        Stack.SECRET,
                        "HERMES_IT_OUT",
                        out.toString()),
                180,
                List.of("node", "--test", "--test-concurrency=1", "test/it/"));
        CliRun audit = CliRun.run(cliEnv(credentials), "audit", "user", cliUser.value());

        assertThat(ensured.code()).as(ensured.err()).isZero();
        assertThat(ensured.out()).startsWith(cliUser + " READY http").contains(" cold");
        assertThat(node.exitCode()).as(node.output()).isZero();
        assertThat(node.output()).contains("# pass 5").contains("# fail 0");
        JsonNode result = new ObjectMapper().readTree(out.toFile());
        String url = result.path("url").asText();
        assertThat(Agent.status(url, "/health", null)).as("GET %s/health", url).isEqualTo(200);
        assertThat(audit.code()).as(audit.err()).isZero();
        assertThat(audit.out()).contains("RuntimeSpawned").contains("RuntimeReady      cold");
        assertThat(ensured.out() + ensured.err() + audit.out() + audit.err() + node.output() + worker.log())
                .as("no output and no worker log line shows the password")
                .doesNotContain(PASSWORD);
    }
}
