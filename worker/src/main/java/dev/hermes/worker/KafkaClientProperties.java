package dev.hermes.worker;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;

/** The settings of the worker's Kafka consumers and admin client, from its configuration. */
final class KafkaClientProperties {
    private KafkaClientProperties() {}

    /** Any consumer of the worker: no auto-commit, HERMES_KAFKA_PROPERTIES_FILE's settings, then {@code overrides}. */
    static Map<String, Object> consumer(WorkerConfig config, Map<String, Object> overrides) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.putAll(config.kafkaProperties());
        props.putAll(overrides);
        return props;
    }

    /** The requests consumer: the fleet's group, cooperative-sticky, bounded fetch buffers. */
    static Map<String, Object> requests(WorkerConfig config) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
        props.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "classic");
        props.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        props.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int)
                config.sessionTimeout().toMillis());
        props.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int)
                Math.max(300, config.sessionTimeout().toMillis() / 4));
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "hermes-worker-" + config.workerId());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
        // a poll takes at most 1000 records of ~300 bytes: the default 50 MB / 1 MB-per-partition fetch
        // buffers only make a worker's memory grow with its partition count
        props.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 4 * 1024 * 1024);
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 256 * 1024);
        return props;
    }

    /** The last-active restore reads whole partitions at once: large polls and fetches. */
    static Map<String, Object> restore(WorkerConfig config) {
        return Map.of(
                ConsumerConfig.CLIENT_ID_CONFIG,
                "hermes-restore-" + config.workerId(),
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                10_000,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG,
                16 * 1024 * 1024);
    }

    /** The admin client that looks up reply topics' partition counts. */
    static Map<String, Object> admin(WorkerConfig config) {
        Map<String, Object> props = new HashMap<>(config.kafkaProperties());
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "hermes-replies-" + config.workerId());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        return props;
    }
}
