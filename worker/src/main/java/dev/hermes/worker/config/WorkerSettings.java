package dev.hermes.worker.config;

import java.util.List;

/**
 * Every worker setting, defined once in its feature's class: the environment variable, its type and validation, its
 * default and its doc. {@code EnvConfig} reads them, {@code WorkerConfig} validates with them, and the README's table
 * is generated from {@link #ALL} ({@link ConfigDocs}); the order of {@link #ALL} is the table's order.
 */
public final class WorkerSettings {
    /** The classes that define settings; every setting they declare is in {@link #ALL}. */
    public static final List<Class<?>> DEFINED_IN = List.of(
            KafkaSettings.class,
            RequestSettings.class,
            DatabaseSettings.class,
            RuntimeSettings.class,
            RuntimeLimitSettings.class,
            DockerSettings.class,
            SpawnSettings.class,
            IdleSettings.class,
            ObservabilitySettings.class);

    public static final List<Setting<?>> ALL = List.of(
            KafkaSettings.KAFKA_BOOTSTRAP_SERVERS,
            KafkaSettings.TOPIC_PREFIX,
            KafkaSettings.GROUP_ID,
            KafkaSettings.WORKER_ID,
            DatabaseSettings.PG_URL,
            DatabaseSettings.PG_USER,
            DatabaseSettings.PG_PASSWORD,
            DatabaseSettings.PG_POOL_SIZE,
            RuntimeSettings.API_KEY_SECRET,
            RuntimeSettings.IMAGE,
            RuntimeSettings.AGENT_PORT,
            RuntimeSettings.PUBLISH_HOST,
            RuntimeSettings.PLUGINS_DIR,
            DockerSettings.DOCKER_HOST,
            RuntimeSettings.HEALTH_TIMEOUT,
            SpawnSettings.MAX_CONCURRENT_SPAWNS,
            SpawnSettings.SPAWN_CONCURRENCY,
            SpawnSettings.MIN_CONCURRENT_SPAWNS,
            KafkaSettings.PARTITION_BUFFER_LIMIT,
            KafkaSettings.WORKER_THREADS,
            KafkaSettings.REVOKE_TIMEOUT,
            KafkaSettings.SESSION_TIMEOUT,
            IdleSettings.RUNTIME_IDLE,
            IdleSettings.REAP_INTERVAL,
            IdleSettings.ORPHAN_SWEEP,
            IdleSettings.LAST_ACTIVE_WRITE_INTERVAL,
            IdleSettings.REMOVE_ON_REAP,
            SpawnSettings.RECREATE_CONCURRENCY,
            DatabaseSettings.SETTINGS_POLL,
            ObservabilitySettings.HTTP_HOST,
            ObservabilitySettings.HTTP_PORT,
            KafkaSettings.KAFKA_PROPERTIES_FILE,
            RuntimeSettings.EXTRA_LABELS,
            RequestSettings.STALE_REQUEST,
            RequestSettings.REPLY_TOPICS,
            RequestSettings.ADMISSION,
            ObservabilitySettings.LOG_JSON,
            RuntimeLimitSettings.RUNTIME_MEMORY_MB,
            RuntimeLimitSettings.RUNTIME_CPUS,
            RuntimeLimitSettings.RUNTIME_PIDS_LIMIT,
            RuntimeLimitSettings.RUNTIME_CAP_ADD,
            RuntimeLimitSettings.RUNTIME_LOG_MAX_SIZE,
            RuntimeLimitSettings.RUNTIME_LOG_MAX_FILE,
            DockerSettings.IMAGE_PULL,
            DockerSettings.IMAGE_CHECK,
            DockerSettings.IMAGE_PULL_TIMEOUT,
            DockerSettings.MAX_RUNTIMES,
            DockerSettings.EVICT_MIN_IDLE,
            SpawnSettings.LIVENESS_INTERVAL,
            SpawnSettings.LIVENESS_FAILURES,
            SpawnSettings.CRASH_LOOP_AFTER,
            SpawnSettings.CRASH_LOOP_BACKOFF_MIN,
            SpawnSettings.CRASH_LOOP_BACKOFF_MAX,
            DockerSettings.DOCKER_WAIT,
            IdleSettings.RUNTIME_PAUSE,
            IdleSettings.RUNTIME_STOP,
            DockerSettings.DOCKER_HOSTS,
            DockerSettings.MOVE_POLL,
            DockerSettings.MOVE_EXPIRE);

    private WorkerSettings() {}
}
