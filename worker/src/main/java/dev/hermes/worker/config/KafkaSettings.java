package dev.hermes.worker.config;

import static dev.hermes.worker.config.Definitions.NO_MAX;
import static dev.hermes.worker.config.Definitions.define;
import static dev.hermes.worker.config.Definitions.seconds;
import static dev.hermes.worker.config.SettingTypes.integer;
import static dev.hermes.worker.config.SettingTypes.text;

import dev.hermes.schemas.Topics;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;

/** The Kafka side of a worker: the broker, topics, the consumer group and how partitions are handled. Part of {@link WorkerSettings}. */
public final class KafkaSettings {
    public static final Setting<String> KAFKA_BOOTSTRAP_SERVERS =
            define("KAFKA_BOOTSTRAP_SERVERS", text(), "127.0.0.1:9092", "Kafka bootstrap servers");

    public static final Setting<Topics> TOPIC_PREFIX =
            define("HERMES_TOPIC_PREFIX", SettingTypes.topicPrefix(), Topics.defaults(), "prefix of every topic name");

    public static final Setting<String> GROUP_ID = define(
            "HERMES_GROUP_ID", text(), "hermes-workers", "consumer group of the fleet; also the `hermes.fleet` label");

    public static final Setting<String> WORKER_ID = new Setting<>(
            "HERMES_WORKER_ID",
            text(),
            KafkaSettings::defaultWorkerId,
            "`<hostname>-<pid>`",
            "this worker's id in logs and audit events");

    public static final Setting<Map<String, String>> KAFKA_PROPERTIES_FILE = new Setting<>(
            "HERMES_KAFKA_PROPERTIES_FILE",
            SettingTypes.propertiesFile(),
            Map::of,
            "none",
            "extra Kafka client settings (`security.protocol`, `sasl.*`, `ssl.*`) for every worker client");

    public static final Setting<Duration> SESSION_TIMEOUT =
            seconds("HERMES_SESSION_TIMEOUT_SEC", 10, "consumer session timeout (failover time after a crash)");

    public static final Setting<Duration> REVOKE_TIMEOUT =
            seconds("HERMES_REVOKE_TIMEOUT_SEC", 15, "wait for in-flight work on revoke and shutdown");

    public static final Setting<Integer> PARTITION_BUFFER_LIMIT = define(
            "HERMES_PARTITION_BUFFER_LIMIT",
            integer(1, NO_MAX),
            500,
            "records per partition waiting for their lane before it is paused");

    public static final Setting<Integer> WORKER_THREADS =
            define("HERMES_WORKER_THREADS", integer(1, NO_MAX), 256, "lane pool size");

    private KafkaSettings() {}

    private static String defaultWorkerId() {
        long pid = ManagementFactory.getRuntimeMXBean().getPid();
        try {
            return InetAddress.getLocalHost().getHostName() + "-" + pid;
        } catch (IOException e) {
            return "worker-" + pid;
        }
    }
}
