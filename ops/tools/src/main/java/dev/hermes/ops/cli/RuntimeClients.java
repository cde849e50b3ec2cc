package dev.hermes.ops.cli;

import dev.hermes.admin.KafkaAccess;
import dev.hermes.client.RuntimeClientConfig;
import java.time.Duration;
import java.util.HashMap;

/** The runtime client's config for a command: its Kafka (with the properties file's settings) and topics. */
final class RuntimeClients {
    private RuntimeClients() {}

    static RuntimeClientConfig config(KafkaOptions options, String source, int replyPartition) {
        KafkaAccess kafka = options.kafka();
        return new RuntimeClientConfig(
                kafka.bootstrapServers(),
                options.topics(),
                replyPartition,
                source,
                Duration.ofSeconds(130),
                new HashMap<>(kafka.clientProperties()));
    }
}
