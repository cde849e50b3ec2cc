package dev.hermes.ops.cli;

import dev.hermes.worker.testing.KafkaBroker;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.network.ListenerName;
import org.apache.kafka.common.test.KafkaClusterTestKit;

/**
 * A real in-process KRaft broker with a SASL_PLAINTEXT listener on 127.0.0.1 that takes SCRAM-SHA-256 only, beside
 * the test kit's own PLAINTEXT listener (inter-broker traffic and this test's setup: SCRAM users, topic checks). The
 * tools under test are given the SASL listener alone.
 */
final class SaslBroker implements AutoCloseable {
    static final String MECHANISM = "SCRAM-SHA-256";
    private static final ListenerName SASL = ListenerName.normalised("SASL");
    private final KafkaClusterTestKit cluster;

    private SaslBroker(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    static SaslBroker start() {
        return new SaslBroker(KafkaBroker.startCluster(Map.of(
                "listeners", "EXTERNAL://localhost:0,CONTROLLER://localhost:0,SASL://127.0.0.1:0",
                "listener.security.protocol.map", "EXTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT,SASL:SASL_PLAINTEXT",
                "listener.name.sasl.sasl.enabled.mechanisms", MECHANISM,
                "listener.name.sasl.scram-sha-256.sasl.jaas.config",
                        "org.apache.kafka.common.security.scram.ScramLoginModule required;")));
    }

    /** The SASL listener: the only address the tools under test get. */
    String saslBootstrap() {
        return "127.0.0.1:" + cluster.brokers().values().iterator().next().boundPort(SASL);
    }

    /** The test kit's PLAINTEXT listener, for the test's own setup and checks. */
    String plaintextBootstrap() {
        return cluster.bootstrapServers();
    }

    /** Creates (or replaces) a SCRAM-SHA-256 user through the Admin API, as an operator would. */
    void addUser(String name, String password) {
        try (Admin admin = admin()) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(
                            name, new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_256, 4096), password)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the SCRAM user " + name, e);
        }
    }

    /** An admin client on the PLAINTEXT listener. */
    Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, plaintextBootstrap()));
    }

    /** The HERMES_KAFKA_PROPERTIES_FILE text of a SCRAM client. */
    static String clientProperties(String user, String password) {
        return "security.protocol=SASL_PLAINTEXT\n"
                + "sasl.mechanism=" + MECHANISM + "\n"
                + "sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                + user + "\" password=\"" + password + "\";\n";
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }
}
