package dev.hermes.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermes.worker.config.InvalidSettingException;
import dev.hermes.worker.config.Setting;
import dev.hermes.worker.config.WorkerSettings;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerConfigTest {
    /** Which variable sets each component: a component without an entry here fails the coverage tests. */
    static final Map<String, String> VARIABLE_OF = new LinkedHashMap<>();

    static {
        VARIABLE_OF.put("workerId", "HERMES_WORKER_ID");
        VARIABLE_OF.put("bootstrapServers", "KAFKA_BOOTSTRAP_SERVERS");
        VARIABLE_OF.put("topics", "HERMES_TOPIC_PREFIX");
        VARIABLE_OF.put("groupId", "HERMES_GROUP_ID");
        VARIABLE_OF.put("pgUrl", "HERMES_PG_URL");
        VARIABLE_OF.put("pgUser", "HERMES_PG_USER");
        VARIABLE_OF.put("pgPassword", "HERMES_PG_PASSWORD");
        VARIABLE_OF.put("pgPoolSize", "HERMES_PG_POOL_SIZE");
        VARIABLE_OF.put("apiKeySecret", "HERMES_API_KEY_SECRET");
        VARIABLE_OF.put("image", "HERMES_IMAGE");
        VARIABLE_OF.put("agentPort", "HERMES_AGENT_PORT");
        VARIABLE_OF.put("publishHost", "HERMES_PUBLISH_HOST");
        VARIABLE_OF.put("pluginsDir", "HERMES_PLUGINS_DIR");
        VARIABLE_OF.put("dockerHost", "DOCKER_HOST");
        VARIABLE_OF.put("healthTimeout", "HERMES_HEALTH_TIMEOUT_SEC");
        VARIABLE_OF.put("maxConcurrentSpawns", "HERMES_MAX_CONCURRENT_SPAWNS");
        VARIABLE_OF.put("partitionBufferLimit", "HERMES_PARTITION_BUFFER_LIMIT");
        VARIABLE_OF.put("workerThreads", "HERMES_WORKER_THREADS");
        VARIABLE_OF.put("revokeTimeout", "HERMES_REVOKE_TIMEOUT_SEC");
        VARIABLE_OF.put("sessionTimeout", "HERMES_SESSION_TIMEOUT_SEC");
        VARIABLE_OF.put("idleTimeout", "RUNTIME_IDLE_SEC");
        VARIABLE_OF.put("reapInterval", "HERMES_REAP_INTERVAL_SEC");
        VARIABLE_OF.put("orphanSweepInterval", "HERMES_ORPHAN_SWEEP_SEC");
        VARIABLE_OF.put("lastActiveWriteInterval", "HERMES_LAST_ACTIVE_WRITE_INTERVAL_SEC");
        VARIABLE_OF.put("removeOnReap", "HERMES_REMOVE_ON_REAP");
        VARIABLE_OF.put("recreateConcurrency", "HERMES_RECREATE_CONCURRENCY");
        VARIABLE_OF.put("settingsPollInterval", "HERMES_SETTINGS_POLL_SEC");
        VARIABLE_OF.put("httpHost", "HERMES_HTTP_HOST");
        VARIABLE_OF.put("httpPort", "HERMES_HTTP_PORT");
        VARIABLE_OF.put("jsonLogs", "HERMES_LOG_JSON");
        VARIABLE_OF.put("kafkaProperties", "HERMES_KAFKA_PROPERTIES_FILE");
        VARIABLE_OF.put("extraLabels", "HERMES_EXTRA_LABELS");
        VARIABLE_OF.put("staleRequestAfter", "HERMES_STALE_REQUEST_SEC");
        VARIABLE_OF.put("replyTopics", "HERMES_REPLY_TOPICS");
        VARIABLE_OF.put("admission", "HERMES_ADMISSION");
        VARIABLE_OF.put("runtimeMemoryMb", "HERMES_RUNTIME_MEMORY_MB");
        VARIABLE_OF.put("runtimeCpus", "HERMES_RUNTIME_CPUS");
        VARIABLE_OF.put("runtimePidsLimit", "HERMES_RUNTIME_PIDS_LIMIT");
        VARIABLE_OF.put("runtimeCapAdd", "HERMES_RUNTIME_CAP_ADD");
        VARIABLE_OF.put("runtimeLogMaxSize", "HERMES_RUNTIME_LOG_MAX_SIZE");
        VARIABLE_OF.put("runtimeLogMaxFile", "HERMES_RUNTIME_LOG_MAX_FILE");
        VARIABLE_OF.put("imagePull", "HERMES_IMAGE_PULL");
        VARIABLE_OF.put("imageCheckInterval", "HERMES_IMAGE_CHECK_SEC");
        VARIABLE_OF.put("imagePullTimeout", "HERMES_IMAGE_PULL_TIMEOUT_SEC");
        VARIABLE_OF.put("maxRuntimes", "HERMES_MAX_RUNTIMES");
        VARIABLE_OF.put("evictMinIdle", "HERMES_EVICT_MIN_IDLE_SEC");
        VARIABLE_OF.put("livenessInterval", "HERMES_LIVENESS_INTERVAL_SEC");
        VARIABLE_OF.put("livenessFailures", "HERMES_LIVENESS_FAILURES");
        VARIABLE_OF.put("crashLoopAfter", "HERMES_CRASH_LOOP_AFTER");
        VARIABLE_OF.put("crashLoopBackoffMin", "HERMES_CRASH_LOOP_BACKOFF_MIN_SEC");
        VARIABLE_OF.put("crashLoopBackoffMax", "HERMES_CRASH_LOOP_BACKOFF_MAX_SEC");
        VARIABLE_OF.put("dockerWait", "HERMES_DOCKER_WAIT_SEC");
        VARIABLE_OF.put("runtimePause", "RUNTIME_PAUSE");
        VARIABLE_OF.put("runtimeStopSec", "RUNTIME_STOP_SEC");
        VARIABLE_OF.put("spawnConcurrency", "HERMES_SPAWN_CONCURRENCY");
        VARIABLE_OF.put("minConcurrentSpawns", "HERMES_MIN_CONCURRENT_SPAWNS");
        VARIABLE_OF.put("dockerHosts", "HERMES_DOCKER_HOSTS");
        VARIABLE_OF.put("movePollInterval", "HERMES_MOVE_POLL_SEC");
        VARIABLE_OF.put("moveExpireAfter", "HERMES_MOVE_EXPIRE_SEC");
    }

    @TempDir
    Path dir;

    @Test
    void everyComponentComesFromOneCatalogueSettingAndEverySettingFeedsOneComponent() {
        List<String> components = Arrays.stream(WorkerConfig.class.getRecordComponents())
                .map(RecordComponent::getName)
                .toList();

        assertThat(VARIABLE_OF.keySet()).as("components mapped to a variable").containsExactlyElementsOf(components);
        assertThat(VARIABLE_OF.values())
                .as("variables defined in WorkerSettings")
                .containsExactlyInAnyOrderElementsOf(
                        WorkerSettings.ALL.stream().map(Setting::name).toList());
    }

    @Test
    void eachVariableChangesExactlyItsOwnComponent() throws Exception {
        Map<String, String> samples = nonDefaultSamples();
        Map<String, Object> defaults = components(EnvConfigTest.load(Map.of()));

        for (var entry : VARIABLE_OF.entrySet()) {
            String variable = entry.getValue();
            assertThat(samples).as("a sample value for " + variable).containsKey(variable);
            Map<String, Object> changed = components(EnvConfigTest.load(Map.of(variable, samples.get(variable))));
            List<String> differing = changed.keySet().stream()
                    .filter(c -> !changed.get(c).equals(defaults.get(c)))
                    .toList();
            assertThat(differing).as("components changed by " + variable).containsExactly(entry.getKey());
        }
    }

    @Test
    void directConstructionIsValidatedWithTheSameMessages() {
        WorkerConfig valid = EnvConfigTest.load(Map.of());

        assertRejected(valid, "pgPoolSize", 0, "HERMES_PG_POOL_SIZE must be an integer >= 1, got '0'");
        assertRejected(valid, "workerThreads", -1, "HERMES_WORKER_THREADS must be an integer >= 1, got '-1'");
        assertRejected(valid, "agentPort", 70000, "HERMES_AGENT_PORT must be an integer from 1 to 65535, got '70000'");
        assertRejected(valid, "httpPort", -1, "HERMES_HTTP_PORT must be an integer from 0 to 65535, got '-1'");
        assertRejected(valid, "workerId", " ", "HERMES_WORKER_ID must be non-blank text, got ' '");
        assertRejected(valid, "image", null, "HERMES_IMAGE must be non-blank text, got nothing");
        assertRejected(
                valid,
                "topics",
                null,
                "HERMES_TOPIC_PREFIX must be letters, digits, '.', '_' and '-' only, " + "got nothing");
        assertRejected(valid, "pluginsDir", null, "HERMES_PLUGINS_DIR must be a file system path, got nothing");
        assertRejected(
                valid,
                "idleTimeout",
                Duration.ZERO,
                "RUNTIME_IDLE_SEC must be a number of seconds > 0 (decimals allowed), got '0'");
        assertRejected(
                valid,
                "reapInterval",
                Duration.ofMillis(-1500),
                "HERMES_REAP_INTERVAL_SEC must be a number of seconds > 0 (decimals allowed), got '-1.5'");
        assertRejected(
                valid,
                "extraLabels",
                Map.of("hermes.user", "u"),
                "HERMES_EXTRA_LABELS must be comma-separated "
                        + "key=value pairs, no hermes.* keys but hermes.test and hermes.x-*, got 'hermes.user=u' (the worker "
                        + "manages [hermes.user])");
        assertRejected(valid, "runtimePidsLimit", 0, "HERMES_RUNTIME_PIDS_LIMIT must be an integer >= 16, got '0'");
        assertRejected(
                valid,
                "runtimeCpus",
                0.0,
                "HERMES_RUNTIME_CPUS must be a number greater than 0 and at most 1024.0, got '0.0'");
        assertRejected(
                valid,
                "apiKeySecret",
                "short-secret",
                "HERMES_API_KEY_SECRET (or HERMES_API_KEY_SECRET_FILE) must be a secret of at least 16 characters");
    }

    @Test
    void absentMapsAreEmptyAndMapsAreCopied() {
        WorkerConfig valid = EnvConfigTest.load(Map.of());
        Map<String, String> labels = new HashMap<>(Map.of("team", "a"));

        WorkerConfig config = with(with(valid, "kafkaProperties", null), "extraLabels", labels);
        labels.put("late", "b");

        assertThat(config.kafkaProperties()).isEmpty();
        assertThat(config.extraLabels()).containsOnly(Map.entry("team", "a"));
        assertThatThrownBy(() -> config.extraLabels().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(with(valid, "pgPassword", null).pgPassword()).isNull();
    }

    @Test
    void toStringShowsWhereTheWorkerConnectsButNoSecret() {
        WorkerConfig config = with(
                EnvConfigTest.load(Map.of("HERMES_PG_PASSWORD", "the-pg-password")),
                "kafkaProperties",
                Map.of("sasl.jaas.config", "the-jaas-password"));

        assertThat(config.toString())
                .contains("bootstrapServers=127.0.0.1:9092", "topics=hermes.*", "sasl.jaas.config")
                .doesNotContain(EnvConfigTest.SECRET, "the-pg-password", "the-jaas-password");
    }

    private Map<String, String> nonDefaultSamples() throws IOException {
        Path properties = Files.writeString(dir.resolve("kafka.properties"), "security.protocol=SSL\n");
        Map<String, String> samples = new HashMap<>();
        samples.put("HERMES_WORKER_ID", "worker-7");
        samples.put("HERMES_DOCKER_HOSTS", "a=unix:///var/run/docker.sock@127.0.0.1/10");
        samples.put("HERMES_MOVE_POLL_SEC", "7");
        samples.put("HERMES_MOVE_EXPIRE_SEC", "90");
        samples.put("HERMES_RUNTIME_MEMORY_MB", "2048");
        samples.put("HERMES_RUNTIME_CPUS", "2.5");
        samples.put("HERMES_RUNTIME_PIDS_LIMIT", "1024");
        samples.put("HERMES_RUNTIME_CAP_ADD", "CHOWN");
        samples.put("HERMES_RUNTIME_LOG_MAX_SIZE", "50m");
        samples.put("HERMES_RUNTIME_LOG_MAX_FILE", "5");
        samples.put("HERMES_MAX_RUNTIMES", "3");
        samples.put("HERMES_EVICT_MIN_IDLE_SEC", "60");
        samples.put("HERMES_LIVENESS_INTERVAL_SEC", "5");
        samples.put("HERMES_LIVENESS_FAILURES", "2");
        samples.put("HERMES_CRASH_LOOP_AFTER", "5");
        samples.put("HERMES_CRASH_LOOP_BACKOFF_MIN_SEC", "20");
        samples.put("HERMES_CRASH_LOOP_BACKOFF_MAX_SEC", "900");
        samples.put("HERMES_DOCKER_WAIT_SEC", "12");
        samples.put("RUNTIME_PAUSE", "false");
        samples.put("RUNTIME_STOP_SEC", "0");
        samples.put("HERMES_SPAWN_CONCURRENCY", "fixed");
        samples.put("HERMES_MIN_CONCURRENT_SPAWNS", "3");
        samples.put("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092");
        samples.put("HERMES_TOPIC_PREFIX", "t1.");
        samples.put("HERMES_GROUP_ID", "group-b");
        samples.put("HERMES_PG_URL", "jdbc:postgresql://db/other");
        samples.put("HERMES_PG_USER", "hermes");
        samples.put("HERMES_PG_PASSWORD", "pw");
        samples.put("HERMES_PG_POOL_SIZE", "9");
        samples.put("HERMES_API_KEY_SECRET", "another-secret-0123456789");
        samples.put("HERMES_IMAGE", "agent:2");
        samples.put("HERMES_AGENT_PORT", "9000");
        samples.put("HERMES_PUBLISH_HOST", "10.0.0.5");
        samples.put("HERMES_PLUGINS_DIR", "/srv/plugins");
        samples.put("DOCKER_HOST", "tcp://127.0.0.1:2375");
        samples.put("HERMES_HEALTH_TIMEOUT_SEC", "5");
        samples.put("HERMES_MAX_CONCURRENT_SPAWNS", "2");
        samples.put("HERMES_PARTITION_BUFFER_LIMIT", "10");
        samples.put("HERMES_WORKER_THREADS", "16");
        samples.put("HERMES_REVOKE_TIMEOUT_SEC", "1.5");
        samples.put("HERMES_SESSION_TIMEOUT_SEC", "45");
        samples.put("RUNTIME_IDLE_SEC", "0.5");
        samples.put("HERMES_REAP_INTERVAL_SEC", "0.2");
        samples.put("HERMES_ORPHAN_SWEEP_SEC", "1");
        samples.put("HERMES_LAST_ACTIVE_WRITE_INTERVAL_SEC", "2");
        samples.put("HERMES_REMOVE_ON_REAP", "true");
        samples.put("HERMES_RECREATE_CONCURRENCY", "1");
        samples.put("HERMES_SETTINGS_POLL_SEC", "0.1");
        samples.put("HERMES_HTTP_HOST", "0.0.0.0");
        samples.put("HERMES_HTTP_PORT", "0");
        samples.put("HERMES_LOG_JSON", "true");
        samples.put("HERMES_KAFKA_PROPERTIES_FILE", properties.toString());
        samples.put("HERMES_EXTRA_LABELS", "hermes.test=t1");
        samples.put("HERMES_STALE_REQUEST_SEC", "120");
        samples.put("HERMES_REPLY_TOPICS", "chat.replies,voice-*");
        samples.put("HERMES_ADMISSION", "known-accounts");
        samples.put("HERMES_IMAGE_PULL", "never");
        samples.put("HERMES_IMAGE_CHECK_SEC", "5");
        samples.put("HERMES_IMAGE_PULL_TIMEOUT_SEC", "30");
        return samples;
    }

    private static Map<String, Object> components(WorkerConfig config) throws ReflectiveOperationException {
        Map<String, Object> values = new LinkedHashMap<>();
        for (RecordComponent component : WorkerConfig.class.getRecordComponents()) {
            values.put(component.getName(), component.getAccessor().invoke(config));
        }
        return values;
    }

    private static void assertRejected(WorkerConfig valid, String component, Object value, String message) {
        assertThatThrownBy(() -> with(valid, component, value))
                .as(component)
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage(message);
    }

    /** {@code config} with one component replaced, through the canonical constructor. */
    static WorkerConfig with(WorkerConfig config, String component, Object value) {
        RecordComponent[] components = WorkerConfig.class.getRecordComponents();
        List<Object> args = new ArrayList<>();
        try {
            for (RecordComponent c : components) {
                args.add(c.getName().equals(component) ? value : c.getAccessor().invoke(config));
            }
            Constructor<WorkerConfig> canonical = WorkerConfig.class.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            return canonical.newInstance(args.toArray());
        } catch (InvocationTargetException e) {
            throw (RuntimeException) e.getCause();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
