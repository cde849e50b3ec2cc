package dev.hermes.ops.cli;

import dev.hermes.admin.KafkaAccess;
import dev.hermes.schemas.Topics;
import picocli.CommandLine.Option;

/** The Kafka a command talks to: from the environment (as the workers read it), or these options. */
public final class KafkaOptions {
    private final CliEnv env;

    @Option(
            names = "--bootstrap-servers",
            paramLabel = "HOST:PORT",
            description = "Kafka's bootstrap servers (default: $KAFKA_BOOTSTRAP_SERVERS, else 127.0.0.1:9092); "
                    + "client settings such as SASL come from $HERMES_KAFKA_PROPERTIES_FILE")
    private String bootstrapServers;

    @Option(
            names = "--topic-prefix",
            paramLabel = "PREFIX",
            description = "the deployment's topic prefix (default: $HERMES_TOPIC_PREFIX, else hermes.)")
    private String topicPrefix;

    public KafkaOptions(CliContext context) {
        this.env = context.env();
    }

    public KafkaAccess kafka() {
        KafkaAccess fromEnv = env.kafka();
        return bootstrapServers == null ? fromEnv : new KafkaAccess(bootstrapServers, fromEnv.clientProperties());
    }

    public Topics topics() {
        return topicPrefix == null ? env.topics() : new Topics(topicPrefix);
    }
}
