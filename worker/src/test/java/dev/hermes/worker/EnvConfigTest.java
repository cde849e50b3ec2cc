package dev.hermes.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermes.worker.config.InvalidSettingException;
import dev.hermes.worker.config.Setting;
import dev.hermes.worker.config.WorkerSettings;
import dev.hermes.worker.docker.RuntimeLimits;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnvConfigTest {
    static final String SECRET = "sixteen-chars-ok";

    @TempDir
    Path dir;

    static WorkerConfig load(Map<String, String> env) {
        Map<String, String> withSecret = new HashMap<>(Map.of("HERMES_API_KEY_SECRET", SECRET));
        withSecret.putAll(env);
        return new EnvConfig(withSecret).load();
    }

    @Test
    void anEnvironmentWithOnlyTheRequiredSecretGetsTheDocumentedDefaults() {
        WorkerConfig config = load(Map.of());

        assertThat(config.workerId())
                .endsWith("-" + ManagementFactory.getRuntimeMXBean().getPid());
        assertThat(config.bootstrapServers()).isEqualTo("127.0.0.1:9092");
        assertThat(config.topics().prefix()).isEqualTo("hermes.");
        assertThat(config.groupId()).isEqualTo("hermes-workers");
        assertThat(config.pgUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/hermes");
        assertThat(config.pgUser()).isEqualTo("postgres");
        assertThat(config.pgPassword()).isEmpty();
        assertThat(config.pgPoolSize()).isEqualTo(4);
        assertThat(config.apiKeySecret()).isEqualTo(SECRET);
        assertThat(config.image()).isEqualTo("hermes-agent-stub:local");
        assertThat(config.agentPort()).isEqualTo(8642);
        assertThat(config.publishHost()).isEqualTo("127.0.0.1");
        assertThat(config.pluginsDir()).isEqualTo(Path.of("/var/lib/hermes/plugins"));
        assertThat(config.dockerHost()).isEqualTo("unix:///var/run/docker.sock");
        assertThat(config.healthTimeout()).isEqualTo(Duration.ofSeconds(120));
        assertThat(config.maxConcurrentSpawns()).isEqualTo(64);
        assertThat(config.spawnConcurrency()).isEqualTo(dev.hermes.worker.config.SpawnConcurrency.ADAPTIVE);
        assertThat(config.minConcurrentSpawns()).isEqualTo(2);
        assertThat(config.partitionBufferLimit()).isEqualTo(500);
        assertThat(config.workerThreads()).isEqualTo(256);
        assertThat(config.revokeTimeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(config.sessionTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.idleTimeout()).isEqualTo(Duration.ofSeconds(1800));
        assertThat(config.reapInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.orphanSweepInterval()).isEqualTo(Duration.ofSeconds(300));
        assertThat(config.lastActiveWriteInterval()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.removeOnReap()).isFalse();
        assertThat(config.recreateConcurrency()).isEqualTo(4);
        assertThat(config.settingsPollInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.httpHost()).isEqualTo("127.0.0.1");
        assertThat(config.httpPort()).isEqualTo(9400);
        assertThat(config.jsonLogs()).isFalse();
        assertThat(config.kafkaProperties()).isEmpty();
        assertThat(config.extraLabels()).isEmpty();
        assertThat(config.runtimeLimits()).isEqualTo(RuntimeLimits.defaults());
        assertThat(config.runtimeMemoryMb()).isEqualTo(1024);
        assertThat(config.runtimeCpus()).isEqualTo(1.0);
        assertThat(config.runtimePidsLimit()).isEqualTo(512);
        assertThat(config.runtimeCapAdd()).containsExactly("CHOWN", "DAC_OVERRIDE", "SETUID", "SETGID", "KILL");
        assertThat(config.runtimeLogMaxSize()).isEqualTo("10m");
        assertThat(config.runtimeLogMaxFile()).isEqualTo(3);
        assertThat(config.maxRuntimesAuto()).isTrue();
        assertThat(config.evictMinIdle()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void theCapacityBoundIsAutoOrAPositiveInteger() {
        assertThat(load(Map.of("HERMES_MAX_RUNTIMES", "auto")).maxRuntimesAuto())
                .isTrue();
        WorkerConfig three = load(Map.of("HERMES_MAX_RUNTIMES", "3", "HERMES_EVICT_MIN_IDLE_SEC", "0.5"));
        assertThat(three.maxRuntimes()).isEqualTo(3);
        assertThat(three.maxRuntimesAuto()).isFalse();
        assertThat(three.evictMinIdle()).isEqualTo(Duration.ofMillis(500));
        for (String bad : new String[] {"0", "-2", "many", "AUTO"}) {
            assertThatThrownBy(() -> load(Map.of("HERMES_MAX_RUNTIMES", bad)))
                    .isInstanceOf(InvalidSettingException.class)
                    .hasMessageContaining("HERMES_MAX_RUNTIMES must be `auto` or an integer >= 1");
        }
    }

    @Test
    void theRuntimeLimitsAreSettings() {
        WorkerConfig config = load(Map.of(
                "HERMES_RUNTIME_MEMORY_MB", "512",
                "HERMES_RUNTIME_CPUS", "0.5",
                "HERMES_RUNTIME_PIDS_LIMIT", "256",
                "HERMES_RUNTIME_CAP_ADD", " CHOWN , SETUID ",
                "HERMES_RUNTIME_LOG_MAX_SIZE", "5m",
                "HERMES_RUNTIME_LOG_MAX_FILE", "2"));

        assertThat(config.runtimeLimits())
                .isEqualTo(new RuntimeLimits(512, 0.5, 256, java.util.List.of("CHOWN", "SETUID"), "5m", 2));
        assertThat(config.runtimeLimits().memoryBytes()).isEqualTo(512L * 1024 * 1024);
        assertThat(config.runtimeLimits().nanoCpus()).isEqualTo(500_000_000L);
        assertThat(load(Map.of("HERMES_RUNTIME_CAP_ADD", "NONE")).runtimeCapAdd())
                .isEmpty();
    }

    @Test
    void withoutTheApiKeySecretTheWorkerDoesNotStart() {
        assertThatThrownBy(() -> new EnvConfig(Map.of()).load())
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("HERMES_API_KEY_SECRET (or HERMES_API_KEY_SECRET_FILE) must be a secret of at least 16 "
                        + "characters");
    }

    @Test
    void blankMeansUnsetAndValuesAreTrimmed() {
        WorkerConfig config = load(Map.of(
                "HERMES_PG_POOL_SIZE",
                "  ",
                "HERMES_GROUP_ID",
                " fleet-a ",
                "HERMES_WORKER_THREADS",
                " 12\t",
                "HERMES_LOG_JSON",
                " TRUE "));

        assertThat(config.pgPoolSize()).isEqualTo(4);
        assertThat(config.groupId()).isEqualTo("fleet-a");
        assertThat(config.workerThreads()).isEqualTo(12);
        assertThat(config.jsonLogs()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "0.25   | 250",
                "1.0005 | 1001",
                "2      | 2000",
                "1e1    | 10000",
                "0.001  | 1",
            })
    void secondsAcceptDecimalsAndAreRoundedToMilliseconds(String seconds, long millis) {
        assertThat(load(Map.of("HERMES_REAP_INTERVAL_SEC", seconds)).reapInterval())
                .isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "HERMES_PG_POOL_SIZE           | abc           | HERMES_PG_POOL_SIZE must be an integer >= 1, got 'abc'",
                "HERMES_PG_POOL_SIZE           | 0             | HERMES_PG_POOL_SIZE must be an integer >= 1, got '0'",
                "HERMES_WORKER_THREADS         | 1.5           | HERMES_WORKER_THREADS must be an integer >= 1, got '1.5'",
                "HERMES_MAX_CONCURRENT_SPAWNS  | -2            | HERMES_MAX_CONCURRENT_SPAWNS must be an integer >= 1, got '-2'",
                "HERMES_SPAWN_CONCURRENCY      | gradient      | HERMES_SPAWN_CONCURRENCY must be `adaptive` or `fixed`, got 'gradient'",
                "HERMES_MIN_CONCURRENT_SPAWNS  | 0             | HERMES_MIN_CONCURRENT_SPAWNS must be an integer >= 1, got '0'",
                "HERMES_AGENT_PORT             | 65536         | HERMES_AGENT_PORT must be an integer from 1 to 65535, got '65536'",
                "HERMES_HTTP_PORT              | -1            | HERMES_HTTP_PORT must be an integer from 0 to 65535, got '-1'",
                "HERMES_REAP_INTERVAL_SEC      | soon          | HERMES_REAP_INTERVAL_SEC must be a number of seconds > 0 (decimals allowed), got 'soon'",
                "RUNTIME_IDLE_SEC              | 0             | RUNTIME_IDLE_SEC must be a number of seconds > 0 (decimals allowed), got '0'",
                "HERMES_SESSION_TIMEOUT_SEC    | -1            | HERMES_SESSION_TIMEOUT_SEC must be a number of seconds > 0 (decimals allowed), got '-1'",
                "HERMES_HEALTH_TIMEOUT_SEC     | 0.0004        | HERMES_HEALTH_TIMEOUT_SEC must be a number of seconds > 0 (decimals allowed), got '0.0004' (rounds to 0 ms)",
                "HERMES_SETTINGS_POLL_SEC      | NaN           | HERMES_SETTINGS_POLL_SEC must be a number of seconds > 0 (decimals allowed), got 'NaN'",
                "HERMES_ORPHAN_SWEEP_SEC       | Infinity      | HERMES_ORPHAN_SWEEP_SEC must be a number of seconds > 0 (decimals allowed), got 'Infinity'",
                "HERMES_REMOVE_ON_REAP         | yes           | HERMES_REMOVE_ON_REAP must be true or false, got 'yes'",
                "HERMES_LOG_JSON               | 1             | HERMES_LOG_JSON must be true or false, got '1'",
                "HERMES_TOPIC_PREFIX           | a b           | HERMES_TOPIC_PREFIX must be letters, digits, '.', '_' and '-' only, got 'a b'",
                "HERMES_EXTRA_LABELS           | a=1,b         | HERMES_EXTRA_LABELS must be comma-separated key=value pairs, no hermes.* keys but hermes.test and hermes.x-*, got 'a=1,b' ('b' is not key=value)",
                "HERMES_EXTRA_LABELS           | =v            | HERMES_EXTRA_LABELS must be comma-separated key=value pairs, no hermes.* keys but hermes.test and hermes.x-*, got '=v' ('=v' is not key=value)",
                "HERMES_RUNTIME_MEMORY_MB      | 32            | HERMES_RUNTIME_MEMORY_MB must be an integer >= 64, got '32'",
                "HERMES_RUNTIME_CPUS           | 0             | HERMES_RUNTIME_CPUS must be a number greater than 0 and at most 1024.0, got '0'",
                "HERMES_RUNTIME_PIDS_LIMIT     | 8             | HERMES_RUNTIME_PIDS_LIMIT must be an integer >= 16, got '8'",
                "HERMES_RUNTIME_CAP_ADD        | ALL           | HERMES_RUNTIME_CAP_ADD must be comma-separated capability names without `CAP_`, or `NONE`; `ALL` is refused, got 'ALL' ('ALL' is not a capability name)",
                "HERMES_EXTRA_LABELS           | hermes.fleet=x | HERMES_EXTRA_LABELS must be comma-separated key=value pairs, no hermes.* keys but hermes.test and hermes.x-*, got 'hermes.fleet=x' (the worker manages [hermes.fleet])",
            })
    void aBadValueIsRejectedWithAMessageNamingTheVariable(String name, String value, String message) {
        assertThatThrownBy(() -> load(Map.of(name, value)))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage(message);
    }

    @Test
    void zeroPicksAFreeHttpPortAndLabelsAllowTheTestAndExtensionKeys() {
        WorkerConfig config = load(Map.of(
                "HERMES_HTTP_PORT", "0", "HERMES_EXTRA_LABELS", "team = a, hermes.test=t1,,hermes.x-cost=7,empty="));

        assertThat(config.httpPort()).isZero();
        assertThat(config.extraLabels())
                .containsOnly(
                        Map.entry("team", "a"),
                        Map.entry("hermes.test", "t1"),
                        Map.entry("hermes.x-cost", "7"),
                        Map.entry("empty", ""));
    }

    @Test
    void kafkaPropertiesComeFromTheFileAndOnlyTheirKeysAreShown() throws IOException {
        Path file = Files.writeString(
                dir.resolve("kafka.properties"), "security.protocol=SASL_SSL\nsasl.jaas.config=secret-jaas-password\n");

        WorkerConfig config = load(Map.of("HERMES_KAFKA_PROPERTIES_FILE", file.toString()));

        assertThat(config.kafkaProperties())
                .containsOnly(
                        Map.entry("security.protocol", "SASL_SSL"),
                        Map.entry("sasl.jaas.config", "secret-jaas-password"));
        assertThat(config.toString()).contains("sasl.jaas.config").doesNotContain("secret-jaas-password");
    }

    @Test
    void anUnreadableKafkaPropertiesFileIsNamed() {
        String missing = dir.resolve("absent.properties").toString();

        assertThatThrownBy(() -> load(Map.of("HERMES_KAFKA_PROPERTIES_FILE", missing)))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith("HERMES_KAFKA_PROPERTIES_FILE must be a readable Java properties file, got '"
                        + missing + "' (NoSuchFileException");
    }

    @Test
    void secretsComeFromTheirFileStrippedAndTheFileWins() throws IOException {
        Path apiKey = Files.writeString(dir.resolve("api_key"), "  from-the-file-0123456789\n");
        Path pg = Files.writeString(dir.resolve("pg"), "pg-from-file\n");

        WorkerConfig config = new EnvConfig(Map.of(
                        "HERMES_API_KEY_SECRET",
                        "ignored-because-file-wins",
                        "HERMES_API_KEY_SECRET_FILE",
                        " " + apiKey + " ",
                        "HERMES_PG_PASSWORD_FILE",
                        pg.toString()))
                .load();

        assertThat(config.apiKeySecret()).isEqualTo("from-the-file-0123456789");
        assertThat(config.pgPassword()).isEqualTo("pg-from-file");
    }

    @Test
    void aSecretValueIsTakenAsGivenNotTrimmed() {
        assertThat(load(Map.of("HERMES_PG_PASSWORD", " spaced ")).pgPassword()).isEqualTo(" spaced ");
    }

    @Test
    void secretsNeverAppearInMessagesOrToString() throws IOException {
        String shortSecret = "too-short-secret".substring(1);
        Path shortFile = Files.writeString(dir.resolve("short"), shortSecret);

        assertThatThrownBy(() -> new EnvConfig(Map.of("HERMES_API_KEY_SECRET", shortSecret)).load())
                .hasMessageContaining("HERMES_API_KEY_SECRET")
                .hasMessageNotContaining(shortSecret);
        assertThatThrownBy(() -> new EnvConfig(Map.of("HERMES_API_KEY_SECRET_FILE", shortFile.toString())).load())
                .hasMessageContaining("HERMES_API_KEY_SECRET")
                .hasMessageNotContaining(shortSecret);
        assertThatThrownBy(() -> new EnvConfig(Map.of("HERMES_API_KEY_SECRET_FILE", dir + "/absent")).load())
                .hasMessage("cannot read HERMES_API_KEY_SECRET_FILE at " + dir + "/absent: " + dir + "/absent");
        String config = load(Map.of("HERMES_PG_PASSWORD", "pg-password-value")).toString();
        assertThat(config)
                .doesNotContain(SECRET)
                .doesNotContain("pg-password-value")
                .contains("<redacted>");
    }

    @Test
    void everyVariableReadIsDefinedInTheCatalogueAndEveryDefinitionIsRead() {
        Set<String> read = new HashSet<>();
        Map<String, String> recording = new HashMap<>(Map.of("HERMES_API_KEY_SECRET", SECRET)) {
            @Override
            public String get(Object key) {
                read.add((String) key);
                return super.get(key);
            }

            @Override
            public String getOrDefault(Object key, String fallback) {
                read.add((String) key);
                return super.getOrDefault(key, fallback);
            }
        };

        new EnvConfig(recording).load();

        Set<String> defined = new HashSet<>();
        for (Setting<?> setting : WorkerSettings.ALL) {
            defined.add(setting.name());
            if (setting.secret()) {
                defined.add(setting.name() + "_FILE");
            }
        }
        assertThat(read).isEqualTo(defined);
    }
}
