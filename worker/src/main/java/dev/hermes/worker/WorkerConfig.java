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
import static dev.hermes.worker.config.WorkerSettings.LAST_ACTIVE_WRITE_INTERVAL;
import static dev.hermes.worker.config.WorkerSettings.LIVENESS_FAILURES;
import static dev.hermes.worker.config.WorkerSettings.LIVENESS_INTERVAL;
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
import static dev.hermes.worker.config.WorkerSettings.REPLY_TOPICS;
import static dev.hermes.worker.config.WorkerSettings.REVOKE_TIMEOUT;
import static dev.hermes.worker.config.WorkerSettings.RUNTIME_CAP_ADD;
import static dev.hermes.worker.config.WorkerSettings.RUNTIME_CPUS;
import static dev.hermes.worker.config.WorkerSettings.RUNTIME_IDLE;
import static dev.hermes.worker.config.WorkerSettings.RUNTIME_LOG_MAX_FILE;
import static dev.hermes.worker.config.WorkerSettings.RUNTIME_LOG_MAX_SIZE;
import static dev.hermes.worker.config.WorkerSettings.RUNTIME_MEMORY_MB;
import static dev.hermes.worker.config.WorkerSettings.RUNTIME_PIDS_LIMIT;
import static dev.hermes.worker.config.WorkerSettings.RUNTIME_STOP;
import static dev.hermes.worker.config.WorkerSettings.SESSION_TIMEOUT;
import static dev.hermes.worker.config.WorkerSettings.SETTINGS_POLL;
import static dev.hermes.worker.config.WorkerSettings.SPAWN_CONCURRENCY;
import static dev.hermes.worker.config.WorkerSettings.STALE_REQUEST;
import static dev.hermes.worker.config.WorkerSettings.TOPIC_PREFIX;
import static dev.hermes.worker.config.WorkerSettings.WORKER_ID;
import static dev.hermes.worker.config.WorkerSettings.WORKER_THREADS;

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
        Duration movePollInterval) {

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
