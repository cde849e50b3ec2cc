package dev.hermes.worker;

import static dev.hermes.worker.config.DatabaseSettings.PG_PASSWORD;
import static dev.hermes.worker.config.DatabaseSettings.PG_POOL_SIZE;
import static dev.hermes.worker.config.DatabaseSettings.PG_URL;
import static dev.hermes.worker.config.DatabaseSettings.PG_USER;
import static dev.hermes.worker.config.DatabaseSettings.SETTINGS_POLL;
import static dev.hermes.worker.config.DockerSettings.DOCKER_HOST;
import static dev.hermes.worker.config.DockerSettings.DOCKER_HOSTS;
import static dev.hermes.worker.config.DockerSettings.DOCKER_WAIT;
import static dev.hermes.worker.config.DockerSettings.EVICT_MIN_IDLE;
import static dev.hermes.worker.config.DockerSettings.IMAGE_CHECK;
import static dev.hermes.worker.config.DockerSettings.IMAGE_PULL;
import static dev.hermes.worker.config.DockerSettings.IMAGE_PULL_TIMEOUT;
import static dev.hermes.worker.config.DockerSettings.MAX_RUNTIMES;
import static dev.hermes.worker.config.DockerSettings.MOVE_EXPIRE;
import static dev.hermes.worker.config.DockerSettings.MOVE_POLL;
import static dev.hermes.worker.config.IdleSettings.LAST_ACTIVE_WRITE_INTERVAL;
import static dev.hermes.worker.config.IdleSettings.ORPHAN_SWEEP;
import static dev.hermes.worker.config.IdleSettings.REAP_INTERVAL;
import static dev.hermes.worker.config.IdleSettings.REMOVE_ON_REAP;
import static dev.hermes.worker.config.IdleSettings.RUNTIME_IDLE;
import static dev.hermes.worker.config.IdleSettings.RUNTIME_PAUSE;
import static dev.hermes.worker.config.IdleSettings.RUNTIME_STOP;
import static dev.hermes.worker.config.KafkaSettings.GROUP_ID;
import static dev.hermes.worker.config.KafkaSettings.KAFKA_BOOTSTRAP_SERVERS;
import static dev.hermes.worker.config.KafkaSettings.KAFKA_PROPERTIES_FILE;
import static dev.hermes.worker.config.KafkaSettings.PARTITION_BUFFER_LIMIT;
import static dev.hermes.worker.config.KafkaSettings.REVOKE_TIMEOUT;
import static dev.hermes.worker.config.KafkaSettings.SESSION_TIMEOUT;
import static dev.hermes.worker.config.KafkaSettings.TOPIC_PREFIX;
import static dev.hermes.worker.config.KafkaSettings.WORKER_ID;
import static dev.hermes.worker.config.KafkaSettings.WORKER_THREADS;
import static dev.hermes.worker.config.ObservabilitySettings.HTTP_HOST;
import static dev.hermes.worker.config.ObservabilitySettings.HTTP_PORT;
import static dev.hermes.worker.config.ObservabilitySettings.LOG_JSON;
import static dev.hermes.worker.config.RequestSettings.ADMISSION;
import static dev.hermes.worker.config.RequestSettings.REPLY_TOPICS;
import static dev.hermes.worker.config.RequestSettings.STALE_REQUEST;
import static dev.hermes.worker.config.RuntimeLimitSettings.RUNTIME_CAP_ADD;
import static dev.hermes.worker.config.RuntimeLimitSettings.RUNTIME_CPUS;
import static dev.hermes.worker.config.RuntimeLimitSettings.RUNTIME_LOG_MAX_FILE;
import static dev.hermes.worker.config.RuntimeLimitSettings.RUNTIME_LOG_MAX_SIZE;
import static dev.hermes.worker.config.RuntimeLimitSettings.RUNTIME_MEMORY_MB;
import static dev.hermes.worker.config.RuntimeLimitSettings.RUNTIME_PIDS_LIMIT;
import static dev.hermes.worker.config.RuntimeSettings.AGENT_PORT;
import static dev.hermes.worker.config.RuntimeSettings.API_KEY_SECRET;
import static dev.hermes.worker.config.RuntimeSettings.EXTRA_LABELS;
import static dev.hermes.worker.config.RuntimeSettings.HEALTH_TIMEOUT;
import static dev.hermes.worker.config.RuntimeSettings.IMAGE;
import static dev.hermes.worker.config.RuntimeSettings.PLUGINS_DIR;
import static dev.hermes.worker.config.RuntimeSettings.PUBLISH_HOST;
import static dev.hermes.worker.config.SpawnSettings.CRASH_LOOP_AFTER;
import static dev.hermes.worker.config.SpawnSettings.CRASH_LOOP_BACKOFF_MAX;
import static dev.hermes.worker.config.SpawnSettings.CRASH_LOOP_BACKOFF_MIN;
import static dev.hermes.worker.config.SpawnSettings.LIVENESS_FAILURES;
import static dev.hermes.worker.config.SpawnSettings.LIVENESS_INTERVAL;
import static dev.hermes.worker.config.SpawnSettings.MAX_CONCURRENT_SPAWNS;
import static dev.hermes.worker.config.SpawnSettings.MIN_CONCURRENT_SPAWNS;
import static dev.hermes.worker.config.SpawnSettings.RECREATE_CONCURRENCY;
import static dev.hermes.worker.config.SpawnSettings.SPAWN_CONCURRENCY;

import dev.hermes.worker.config.WorkerSettings;
import java.util.Map;

/**
 * Reads {@link WorkerConfig} from environment variables, each through its definition in {@link WorkerSettings}
 * (which also generates the README's configuration table).
 */
public final class EnvConfig {
    private final Map<String, String> env;

    public EnvConfig(Map<String, String> env) {
        this.env = env;
    }

    public WorkerConfig load() {
        return new WorkerConfig(
                WORKER_ID.read(env),
                KAFKA_BOOTSTRAP_SERVERS.read(env),
                TOPIC_PREFIX.read(env),
                GROUP_ID.read(env),
                PG_URL.read(env),
                PG_USER.read(env),
                PG_PASSWORD.read(env),
                PG_POOL_SIZE.read(env),
                API_KEY_SECRET.read(env),
                IMAGE.read(env),
                AGENT_PORT.read(env),
                PUBLISH_HOST.read(env),
                PLUGINS_DIR.read(env),
                DOCKER_HOST.read(env),
                HEALTH_TIMEOUT.read(env),
                MAX_CONCURRENT_SPAWNS.read(env),
                PARTITION_BUFFER_LIMIT.read(env),
                WORKER_THREADS.read(env),
                REVOKE_TIMEOUT.read(env),
                SESSION_TIMEOUT.read(env),
                RUNTIME_IDLE.read(env),
                REAP_INTERVAL.read(env),
                ORPHAN_SWEEP.read(env),
                LAST_ACTIVE_WRITE_INTERVAL.read(env),
                REMOVE_ON_REAP.read(env),
                RECREATE_CONCURRENCY.read(env),
                SETTINGS_POLL.read(env),
                HTTP_HOST.read(env),
                HTTP_PORT.read(env),
                LOG_JSON.read(env),
                KAFKA_PROPERTIES_FILE.read(env),
                EXTRA_LABELS.read(env),
                STALE_REQUEST.read(env),
                REPLY_TOPICS.read(env),
                ADMISSION.read(env),
                RUNTIME_MEMORY_MB.read(env),
                RUNTIME_CPUS.read(env),
                RUNTIME_PIDS_LIMIT.read(env),
                RUNTIME_CAP_ADD.read(env),
                RUNTIME_LOG_MAX_SIZE.read(env),
                RUNTIME_LOG_MAX_FILE.read(env),
                IMAGE_PULL.read(env),
                IMAGE_CHECK.read(env),
                IMAGE_PULL_TIMEOUT.read(env),
                MAX_RUNTIMES.read(env),
                EVICT_MIN_IDLE.read(env),
                LIVENESS_INTERVAL.read(env),
                LIVENESS_FAILURES.read(env),
                CRASH_LOOP_AFTER.read(env),
                CRASH_LOOP_BACKOFF_MIN.read(env),
                CRASH_LOOP_BACKOFF_MAX.read(env),
                DOCKER_WAIT.read(env),
                RUNTIME_PAUSE.read(env),
                RUNTIME_STOP.read(env),
                SPAWN_CONCURRENCY.read(env),
                MIN_CONCURRENT_SPAWNS.read(env),
                DOCKER_HOSTS.read(env),
                MOVE_POLL.read(env),
                MOVE_EXPIRE.read(env));
    }
}
