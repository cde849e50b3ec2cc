package dev.hermes.admin;

import dev.hermes.schemas.Topics;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One real in-process KRaft broker for every admin integration test in the JVM (tests isolate themselves
 * with their own topic prefix). Resolves a {@link KafkaAccess} parameter.
 */
final class TestBroker implements ParameterResolver {
    private static final String KEY = "hermes-admin-kafka";

    private record Running(KafkaClusterTestKit cluster) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() throws Exception {
            cluster.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == KafkaAccess.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Running running = context.getRoot()
                .getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(KEY, k -> start(), Running.class);
        return KafkaAccess.of(running.cluster().bootstrapServers());
    }

    static Topics freshTopics() {
        return new Topics("adm-" + UUID.randomUUID().toString().substring(0, 8) + ".");
    }

    private static Running start() {
        try {
            KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
                    .build());
            Map.of("offsets.topic.replication.factor", "1", "offsets.topic.num.partitions", "1", "num.partitions", "4")
                    .forEach(builder::setConfigProp);
            KafkaClusterTestKit cluster = builder.build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            return new Running(cluster);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the in-process Kafka broker", e);
        }
    }
}
