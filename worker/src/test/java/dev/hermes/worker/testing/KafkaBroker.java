package dev.hermes.worker.testing;

import java.util.Map;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One real in-process KRaft broker for every integration test in the JVM, on the metadata version
 * production runs. Tests isolate themselves with their own topic prefix, not their own broker.
 */
public final class KafkaBroker implements BeforeAllCallback {
    private static final String KEY = "hermes-kafka";

    /** Closed by JUnit when the root store closes at the end of the run. */
    private record Running(KafkaClusterTestKit cluster) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() throws Exception {
            cluster.close();
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot()
                .getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(KEY, k -> start(), Running.class);
    }

    public static String bootstrapServers(ExtensionContext context) {
        return context.getRoot()
                .getStore(ExtensionContext.Namespace.GLOBAL)
                .get(KEY, Running.class)
                .cluster()
                .bootstrapServers();
    }

    private static Running start() {
        return new Running(startCluster(Map.of()));
    }

    /**
     * A started single-node KRaft cluster on the production metadata version with the fleet's group settings;
     * {@code extra} broker settings (listeners, SASL) win. The caller closes it.
     */
    public static KafkaClusterTestKit startCluster(Map<String, String> extra) {
        try {
            KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
                    .build());
            Map.of(
                            "offsets.topic.replication.factor", "1",
                            "offsets.topic.num.partitions", "4",
                            "group.initial.rebalance.delay.ms", "0",
                            "group.consumer.min.session.timeout.ms", "3000",
                            "group.consumer.session.timeout.ms", "6000",
                            "group.consumer.min.heartbeat.interval.ms", "500",
                            "group.consumer.heartbeat.interval.ms", "1000",
                            "log.cleaner.backoff.ms", "1000",
                            "num.partitions", "4")
                    .forEach(builder::setConfigProp);
            extra.forEach(builder::setConfigProp);
            KafkaClusterTestKit cluster = builder.build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            return cluster;
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the in-process Kafka broker", e);
        }
    }
}
