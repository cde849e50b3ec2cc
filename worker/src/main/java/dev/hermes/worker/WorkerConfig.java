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
import static dev.hermes.worker.config.IdleSettings.RUNTIME_IDLE;
import static dev.hermes.worker.config.IdleSettings.RUNTIME_STOP;
import static dev.hermes.worker.config.KafkaSettings.GROUP_ID;
import static dev.hermes.worker.config.KafkaSettings.KAFKA_BOOTSTRAP_SERVERS;
import static dev.hermes.worker.config.KafkaSettings.PARTITION_BUFFER_LIMIT;
import static dev.hermes.worker.config.KafkaSettings.REVOKE_TIMEOUT;
import static dev.hermes.worker.config.KafkaSettings.SESSION_TIMEOUT;
import static dev.hermes.worker.config.KafkaSettings.TOPIC_PREFIX;
import static dev.hermes.worker.config.KafkaSettings.WORKER_ID;
import static dev.hermes.worker.config.KafkaSettings.WORKER_THREADS;
import static dev.hermes.worker.config.ObservabilitySettings.HTTP_HOST;
import static dev.hermes.worker.config.ObservabilitySettings.HTTP_PORT;
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

import dev.hermes.admin.DockerHost;
import dev.hermes.admin.DockerHosts;
import dev.hermes.schemas.Topics;
import dev.hermes.worker.config.Admission;
import dev.hermes.worker.config.ImagePull;
import dev.hermes.worker.config.InvalidSettingException;
import dev.hermes.worker.config.SpawnConcurrency;
import dev.hermes.worker.docker.RuntimeLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Everything a worker is configured with, validated once at construction (by the definitions in
 * {@link dev.hermes.worker.config.WorkerSettings}, so the messages name the environment variable) and immutable
 * after. {@link EnvConfig} builds one from the environment; tests build one directly.
 */
public record WorkerConfig(
        String workerId,
        String bootstrapServers,
        Topics topics,
        String groupId,
        String pgUrl,
        String pgUser,
        String pgPassword,
        int pgPoolSize,
        String apiKeySecret,
        String image,
        int agentPort,
        String publishHost,
        Path pluginsDir,
        String dockerHost,
        Duration healthTimeout,
        int maxConcurrentSpawns,
        int partitionBufferLimit,
        int workerThreads,
        Duration revokeTimeout,
        Duration sessionTimeout,
        Duration idleTimeout,
        Duration reapInterval,
        Duration orphanSweepInterval,
        Duration lastActiveWriteInterval,
        boolean removeOnReap,
        int recreateConcurrency,
        Duration settingsPollInterval,
        String httpHost,
        int httpPort,
        boolean jsonLogs,
        Map<String, String> kafkaProperties,
        Map<String, String> extraLabels,
        Duration staleRequestAfter,
        List<String> replyTopics,
        Admission admission,
        int runtimeMemoryMb,
        double runtimeCpus,
        int runtimePidsLimit,
        List<String> runtimeCapAdd,
        String runtimeLogMaxSize,
        int runtimeLogMaxFile,
        ImagePull imagePull,
        Duration imageCheckInterval,
        Duration imagePullTimeout,
        int maxRuntimes,
        Duration evictMinIdle,
        Duration livenessInterval,
        int livenessFailures,
        int crashLoopAfter,
        Duration crashLoopBackoffMin,
        Duration crashLoopBackoffMax,
        Duration dockerWait,
        boolean runtimePause,
        int runtimeStopSec,
        SpawnConcurrency spawnConcurrency,
        int minConcurrentSpawns,
        List<DockerHost> dockerHosts,
        Duration movePollInterval,
        Duration moveExpireAfter) {

    public WorkerConfig {
        RUNTIME_STOP.check(runtimeStopSec);
        WORKER_ID.check(workerId);
        KAFKA_BOOTSTRAP_SERVERS.check(bootstrapServers);
        TOPIC_PREFIX.check(topics);
        GROUP_ID.check(groupId);
        PG_URL.check(pgUrl);
        PG_USER.check(pgUser);
        PG_PASSWORD.check(pgPassword);
        PG_POOL_SIZE.check(pgPoolSize);
        API_KEY_SECRET.check(apiKeySecret);
        IMAGE.check(image);
        AGENT_PORT.check(agentPort);
        PUBLISH_HOST.check(publishHost);
        PLUGINS_DIR.check(pluginsDir);
        DOCKER_HOST.check(dockerHost);
        HEALTH_TIMEOUT.check(healthTimeout);
        MAX_CONCURRENT_SPAWNS.check(maxConcurrentSpawns);
        PARTITION_BUFFER_LIMIT.check(partitionBufferLimit);
        WORKER_THREADS.check(workerThreads);
        REVOKE_TIMEOUT.check(revokeTimeout);
        SESSION_TIMEOUT.check(sessionTimeout);
        RUNTIME_IDLE.check(idleTimeout);
        REAP_INTERVAL.check(reapInterval);
        ORPHAN_SWEEP.check(orphanSweepInterval);
        LAST_ACTIVE_WRITE_INTERVAL.check(lastActiveWriteInterval);
        RECREATE_CONCURRENCY.check(recreateConcurrency);
        SETTINGS_POLL.check(settingsPollInterval);
        HTTP_HOST.check(httpHost);
        HTTP_PORT.check(httpPort);
        kafkaProperties = Map.copyOf(kafkaProperties == null ? Map.of() : kafkaProperties);
        extraLabels = Map.copyOf(EXTRA_LABELS.check(extraLabels == null ? Map.of() : extraLabels));
        STALE_REQUEST.check(staleRequestAfter);
        replyTopics = List.copyOf(REPLY_TOPICS.check(replyTopics == null ? List.of() : replyTopics));
        ADMISSION.check(admission);
        RUNTIME_MEMORY_MB.check(runtimeMemoryMb);
        RUNTIME_CPUS.check(runtimeCpus);
        RUNTIME_PIDS_LIMIT.check(runtimePidsLimit);
        runtimeCapAdd = List.copyOf(RUNTIME_CAP_ADD.check(runtimeCapAdd));
        RUNTIME_LOG_MAX_SIZE.check(runtimeLogMaxSize);
        RUNTIME_LOG_MAX_FILE.check(runtimeLogMaxFile);
        IMAGE_PULL.check(imagePull);
        IMAGE_CHECK.check(imageCheckInterval);
        IMAGE_PULL_TIMEOUT.check(imagePullTimeout);
        MAX_RUNTIMES.check(maxRuntimes);
        EVICT_MIN_IDLE.check(evictMinIdle);
        LIVENESS_INTERVAL.check(livenessInterval);
        LIVENESS_FAILURES.check(livenessFailures);
        CRASH_LOOP_AFTER.check(crashLoopAfter);
        CRASH_LOOP_BACKOFF_MIN.check(crashLoopBackoffMin);
        CRASH_LOOP_BACKOFF_MAX.check(crashLoopBackoffMax);
        DOCKER_WAIT.check(dockerWait);
        SPAWN_CONCURRENCY.check(spawnConcurrency);
        MIN_CONCURRENT_SPAWNS.check(minConcurrentSpawns);
        dockerHosts = List.copyOf(DOCKER_HOSTS.check(dockerHosts == null ? List.of() : dockerHosts));
        MOVE_POLL.check(movePollInterval);
        MOVE_EXPIRE.check(moveExpireAfter);
        if (crashLoopBackoffMax.compareTo(crashLoopBackoffMin) < 0) {
            throw new InvalidSettingException("HERMES_CRASH_LOOP_BACKOFF_MAX_SEC (" + crashLoopBackoffMax.toMillis()
                    + " ms) is shorter than HERMES_CRASH_LOOP_BACKOFF_MIN_SEC (" + crashLoopBackoffMin.toMillis()
                    + " ms)");
        }
    }

    /** The hardening every runtime is created with. */
    /** RUNTIME_STOP_SEC: how long a runtime stays paused before it is stopped. */
    public Duration runtimeStopAfter() {
        return Duration.ofSeconds(runtimeStopSec);
    }

    /** The engines runtimes are placed on: HERMES_DOCKER_HOSTS, or one host {@code local} from DOCKER_HOST. */
    public List<DockerHost> placementHosts() {
        return DockerHosts.orLocal(dockerHosts, dockerHost, publishHost);
    }

    public RuntimeLimits runtimeLimits() {
        return new RuntimeLimits(
                runtimeMemoryMb, runtimeCpus, runtimePidsLimit, runtimeCapAdd, runtimeLogMaxSize, runtimeLogMaxFile);
    }

    /** Whether HERMES_MAX_RUNTIMES is {@code auto}: derived from the engine's memory at start. */
    public boolean maxRuntimesAuto() {
        return maxRuntimes == 0;
    }

    @Override
    public String toString() {
        return "WorkerConfig[workerId=" + workerId + ", bootstrapServers=" + bootstrapServers + ", topics="
                + topics.prefix() + "*, groupId=" + groupId + ", pgUrl=" + pgUrl + ", image=" + image + " (pull "
                + imagePull.spelling() + ")"
                + ", apiKeySecret=<redacted>, pgPassword=<redacted>, kafkaProperties=" + kafkaProperties.keySet() + "]";
    }
}
