package dev.hermes.worker;

import static dev.hermes.worker.config.WorkerSettings.ADMISSION;
import static dev.hermes.worker.config.WorkerSettings.AGENT_PORT;
import static dev.hermes.worker.config.WorkerSettings.API_KEY_SECRET;
import static dev.hermes.worker.config.WorkerSettings.CRASH_LOOP_AFTER;
import static dev.hermes.worker.config.WorkerSettings.CRASH_LOOP_BACKOFF_MAX;
import static dev.hermes.worker.config.WorkerSettings.CRASH_LOOP_BACKOFF_MIN;
import static dev.hermes.worker.config.WorkerSettings.DOCKER_HOST;
import static dev.hermes.worker.config.WorkerSettings.DOCKER_HOSTS;
import static dev.hermes.worker.config.WorkerSettings.DOCKER_WAIT;
import static dev.hermes.worker.config.WorkerSettings.EVICT_MIN_IDLE;
import static dev.hermes.worker.config.WorkerSettings.EXTRA_LABELS;
import static dev.hermes.worker.config.WorkerSettings.GROUP_ID;
import static dev.hermes.worker.config.WorkerSettings.HEALTH_TIMEOUT;
import static dev.hermes.worker.config.WorkerSettings.HTTP_HOST;
import static dev.hermes.worker.config.WorkerSettings.HTTP_PORT;
import static dev.hermes.worker.config.WorkerSettings.IMAGE;
import static dev.hermes.worker.config.WorkerSettings.IMAGE_CHECK;
import static dev.hermes.worker.config.WorkerSettings.IMAGE_PULL;
import static dev.hermes.worker.config.WorkerSettings.IMAGE_PULL_TIMEOUT;
import static dev.hermes.worker.config.WorkerSettings.KAFKA_BOOTSTRAP_SERVERS;
import static dev.hermes.worker.config.WorkerSettings.KAFKA_PROPERTIES_FILE;
import static dev.hermes.worker.config.WorkerSettings.LAST_ACTIVE_WRITE_INTERVAL;
import static dev.hermes.worker.config.WorkerSettings.LIVENESS_FAILURES;
import static dev.hermes.worker.config.WorkerSettings.LIVENESS_INTERVAL;
import static dev.hermes.worker.config.WorkerSettings.LOG_JSON;
import static dev.hermes.worker.config.WorkerSettings.MAX_CONCURRENT_SPAWNS;
import static dev.hermes.worker.config.WorkerSettings.MAX_RUNTIMES;
import static dev.hermes.worker.config.WorkerSettings.MIN_CONCURRENT_SPAWNS;
import static dev.hermes.worker.config.WorkerSettings.MOVE_POLL;
import static dev.hermes.worker.config.WorkerSettings.ORPHAN_SWEEP;
import static dev.hermes.worker.config.WorkerSettings.PARTITION_BUFFER_LIMIT;
import static dev.hermes.worker.config.WorkerSettings.PG_PASSWORD;
import static dev.hermes.worker.config.WorkerSettings.PG_POOL_SIZE;
import static dev.hermes.worker.config.WorkerSettings.PG_URL;
import static dev.hermes.worker.config.WorkerSettings.PG_USER;
import static dev.hermes.worker.config.WorkerSettings.PLUGINS_DIR;
import static dev.hermes.worker.config.WorkerSettings.PUBLISH_HOST;
import static dev.hermes.worker.config.WorkerSettings.REAP_INTERVAL;
import static dev.hermes.worker.config.WorkerSettings.RECREATE_CONCURRENCY;
import static dev.hermes.worker.config.WorkerSettings.REMOVE_ON_REAP;
import static dev.hermes.worker.config.WorkerSettings.REPLY_TOPICS;
import static dev.hermes.worker.config.WorkerSettings.REVOKE_TIMEOUT;
import static dev.hermes.worker.config.WorkerSettings.RUNTIME_CAP_ADD;
import static dev.hermes.worker.config.WorkerSettings.RUNTIME_CPUS;
import static dev.hermes.worker.config.WorkerSettings.RUNTIME_IDLE;
import static dev.hermes.worker.config.WorkerSettings.RUNTIME_LOG_MAX_FILE;
import static dev.hermes.worker.config.WorkerSettings.RUNTIME_LOG_MAX_SIZE;
import static dev.hermes.worker.config.WorkerSettings.RUNTIME_MEMORY_MB;
import static dev.hermes.worker.config.WorkerSettings.RUNTIME_PAUSE;
import static dev.hermes.worker.config.WorkerSettings.RUNTIME_PIDS_LIMIT;
import static dev.hermes.worker.config.WorkerSettings.RUNTIME_STOP;
import static dev.hermes.worker.config.WorkerSettings.SESSION_TIMEOUT;
import static dev.hermes.worker.config.WorkerSettings.SETTINGS_POLL;
import static dev.hermes.worker.config.WorkerSettings.SPAWN_CONCURRENCY;
import static dev.hermes.worker.config.WorkerSettings.STALE_REQUEST;
import static dev.hermes.worker.config.WorkerSettings.TOPIC_PREFIX;
import static dev.hermes.worker.config.WorkerSettings.WORKER_ID;
import static dev.hermes.worker.config.WorkerSettings.WORKER_THREADS;

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
                MOVE_POLL.read(env));
    }
}
