package dev.hermes.worker.config;

import static dev.hermes.worker.config.SettingTypes.bool;
import static dev.hermes.worker.config.SettingTypes.integer;
import static dev.hermes.worker.config.SettingTypes.path;
import static dev.hermes.worker.config.SettingTypes.positiveSeconds;
import static dev.hermes.worker.config.SettingTypes.secret;
import static dev.hermes.worker.config.SettingTypes.text;

import dev.hermes.admin.DockerHost;
import dev.hermes.schemas.Topics;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Every worker setting, defined once: the environment variable, its type and validation, its default and its doc.
 * {@code EnvConfig} reads them, {@code WorkerConfig} validates with them, and the README's table is generated from
 * {@link #ALL} ({@link ConfigDocs}); the order here is the table's order.
 */
public final class WorkerSettings {
    private static final int MAX_PORT = 65535;
    private static final int NO_MAX = Integer.MAX_VALUE;

    public static final Setting<String> KAFKA_BOOTSTRAP_SERVERS =
            define("KAFKA_BOOTSTRAP_SERVERS", text(), "127.0.0.1:9092", "Kafka bootstrap servers");
    public static final Setting<Topics> TOPIC_PREFIX =
            define("HERMES_TOPIC_PREFIX", SettingTypes.topicPrefix(), Topics.defaults(), "prefix of every topic name");
    public static final Setting<String> GROUP_ID = define(
            "HERMES_GROUP_ID", text(), "hermes-workers", "consumer group of the fleet; also the `hermes.fleet` label");
    public static final Setting<String> WORKER_ID = new Setting<>(
            "HERMES_WORKER_ID",
            text(),
            WorkerSettings::defaultWorkerId,
            "`<hostname>-<pid>`",
            "this worker's id in logs and audit events");
    public static final Setting<String> PG_URL =
            define("HERMES_PG_URL", text(), "jdbc:postgresql://127.0.0.1:5432/hermes", "settings database");
    public static final Setting<String> PG_USER = define("HERMES_PG_USER", text(), "postgres", "database user");
    public static final Setting<String> PG_PASSWORD =
            new Setting<>("HERMES_PG_PASSWORD", secret(0), () -> "", "empty", "database password");
    public static final Setting<Integer> PG_POOL_SIZE =
            define("HERMES_PG_POOL_SIZE", integer(1, NO_MAX), 4, "connection pool bound");
    public static final Setting<String> API_KEY_SECRET = new Setting<>(
            "HERMES_API_KEY_SECRET", secret(16), () -> null, "required", "HMAC secret for per-family API keys");
    public static final Setting<String> IMAGE = define(
            "HERMES_IMAGE", text(), "hermes-agent-stub:local", "agent image (production: the real hermes image)");
    public static final Setting<Integer> AGENT_PORT =
            define("HERMES_AGENT_PORT", integer(1, MAX_PORT), 8642, "the agent's API_SERVER_PORT inside the container");
    public static final Setting<String> PUBLISH_HOST =
            define("HERMES_PUBLISH_HOST", text(), "127.0.0.1", "host address the agent port is published on");
    public static final Setting<Path> PLUGINS_DIR = define(
            "HERMES_PLUGINS_DIR",
            path(),
            Path.of("/var/lib/hermes/plugins"),
            "host dir mounted read-only at `/opt/data/plugins`");
    public static final Setting<String> DOCKER_HOST =
            define("DOCKER_HOST", text(), "unix:///var/run/docker.sock", "Docker engine");
    public static final Setting<Duration> HEALTH_TIMEOUT =
            seconds("HERMES_HEALTH_TIMEOUT_SEC", 120, "deadline for `/health` = 200");
    public static final Setting<Integer> MAX_CONCURRENT_SPAWNS = define(
            "HERMES_MAX_CONCURRENT_SPAWNS",
            integer(1, NO_MAX),
            32,
            "Docker create/start at once, per worker: the ceiling of the adaptive limit, or the limit when `fixed`; "
                    + "see [Spawn concurrency](#spawn-concurrency)");
    public static final Setting<SpawnConcurrency> SPAWN_CONCURRENCY = define(
            "HERMES_SPAWN_CONCURRENCY",
            SpawnConcurrency.settingType(),
            SpawnConcurrency.ADAPTIVE,
            "`adaptive`: the limit follows the engine's throughput; `fixed`: always `HERMES_MAX_CONCURRENT_SPAWNS`");
    public static final Setting<Integer> MIN_CONCURRENT_SPAWNS = define(
            "HERMES_MIN_CONCURRENT_SPAWNS", integer(1, NO_MAX), 2, "the floor of the adaptive limit (it starts at 8)");
    public static final Setting<Integer> PARTITION_BUFFER_LIMIT = define(
            "HERMES_PARTITION_BUFFER_LIMIT",
            integer(1, NO_MAX),
            500,
            "records per partition waiting for their lane before it is paused");
    public static final Setting<Integer> WORKER_THREADS =
            define("HERMES_WORKER_THREADS", integer(1, NO_MAX), 256, "lane pool size");
    public static final Setting<Duration> REVOKE_TIMEOUT =
            seconds("HERMES_REVOKE_TIMEOUT_SEC", 15, "wait for in-flight work on revoke and shutdown");
    public static final Setting<Duration> SESSION_TIMEOUT =
            seconds("HERMES_SESSION_TIMEOUT_SEC", 10, "consumer session timeout (failover time after a crash)");
    public static final Setting<Duration> RUNTIME_IDLE = seconds(
            "RUNTIME_IDLE_SEC",
            1800,
            "idle time after which a runtime is paused (stopped when `RUNTIME_PAUSE` is off)");
    public static final Setting<Boolean> RUNTIME_PAUSE = define(
            "RUNTIME_PAUSE",
            bool(),
            true,
            "tiered idle: pause an idle runtime (memory kept, no CPU, its scheduled jobs do not run; resumed in ms) "
                    + "and stop it after `RUNTIME_STOP_SEC` paused; `false` stops it at once");
    public static final Setting<Integer> RUNTIME_STOP = define(
            "RUNTIME_STOP_SEC",
            integer(0, NO_MAX),
            14400,
            "seconds a runtime stays paused before it is stopped (the volume is kept); earlier when the engine "
                    + "needs room at `HERMES_MAX_RUNTIMES`, paused runtimes first");
    public static final Setting<Duration> REAP_INTERVAL =
            seconds("HERMES_REAP_INTERVAL_SEC", 30, "how often idle runtimes are looked for");
    public static final Setting<Duration> ORPHAN_SWEEP =
            seconds("HERMES_ORPHAN_SWEEP_SEC", 300, "how often legacy orphans are looked for");
    public static final Setting<Duration> LAST_ACTIVE_WRITE_INTERVAL = seconds(
            "HERMES_LAST_ACTIVE_WRITE_INTERVAL_SEC", 60, "at most one LastActive write per family per interval");
    public static final Setting<Boolean> REMOVE_ON_REAP = define(
            "HERMES_REMOVE_ON_REAP",
            bool(),
            false,
            "remove (not just stop) reaped containers; volumes are always kept");
    public static final Setting<Integer> RECREATE_CONCURRENCY =
            define("HERMES_RECREATE_CONCURRENCY", integer(1, NO_MAX), 4, "recreates at once, per worker");
    public static final Setting<Duration> SETTINGS_POLL =
            seconds("HERMES_SETTINGS_POLL_SEC", 30, "database version check period");
    public static final Setting<String> HTTP_HOST =
            define("HERMES_HTTP_HOST", text(), "127.0.0.1", "address of `/metrics`, `/livez`, `/readyz`");
    public static final Setting<Integer> HTTP_PORT = define(
            "HERMES_HTTP_PORT",
            integer(0, MAX_PORT),
            9400,
            "port of `/metrics`, `/livez`, `/readyz` (0 picks a free port)");
    public static final Setting<Map<String, String>> KAFKA_PROPERTIES_FILE = new Setting<>(
            "HERMES_KAFKA_PROPERTIES_FILE",
            SettingTypes.propertiesFile(),
            Map::of,
            "none",
            "extra Kafka client settings (`security.protocol`, `sasl.*`, `ssl.*`) for every worker client");
    public static final Setting<Map<String, String>> EXTRA_LABELS = new Setting<>(
            "HERMES_EXTRA_LABELS",
            SettingTypes.extraLabels(),
            Map::of,
            "none",
            "`k=v,k2=v2` labels added to every container and volume (tests set `hermes.test`)");
    public static final Setting<Duration> STALE_REQUEST = seconds(
            "HERMES_STALE_REQUEST_SEC",
            60,
            "a request whose deadline passed longer ago starts no runtime (replays, group resets) and is audited "
                    + "as RuntimeFailed `DEADLINE_PASSED`; an older heartbeat starts none either");
    public static final Setting<List<String>> REPLY_TOPICS = new Setting<>(
            "HERMES_REPLY_TOPICS",
            new TopicPatternsType(),
            List::of,
            "`<prefix>runtime.replies`",
            "topics replies may go to (never an internal hermes topic); a reply elsewhere goes to the DLQ");
    public static final Setting<Admission> ADMISSION = define(
            "HERMES_ADMISSION",
            SettingTypes.admission(),
            Admission.ANY,
            "`known-accounts`: a family without an account (AccountUpdated, `ops/hermes account set`) gets RuntimeFailed "
                    + "`UNKNOWN_FAMILY` and no container or volume; its heartbeats start nothing");
    public static final Setting<Boolean> LOG_JSON = define(
            "HERMES_LOG_JSON", bool(), false, "one JSON object per log line (with `userId`, `correlationId` in MDC)");

    public static final Setting<Integer> RUNTIME_MEMORY_MB = define(
            "HERMES_RUNTIME_MEMORY_MB",
            integer(64, NO_MAX),
            1024,
            "memory limit of each runtime in MiB (swap included, so no swap); the OOM killer stops the runtime, not the host");
    public static final Setting<Double> RUNTIME_CPUS = define(
            "HERMES_RUNTIME_CPUS", SettingTypes.positiveDecimal(1024), 1.0, "CPU quota of each runtime, in CPUs");
    public static final Setting<Integer> RUNTIME_PIDS_LIMIT = define(
            "HERMES_RUNTIME_PIDS_LIMIT",
            integer(16, NO_MAX),
            512,
            "processes and threads each runtime may hold (a fork bomb stops there)");
    public static final Setting<List<String>> RUNTIME_CAP_ADD = define(
            "HERMES_RUNTIME_CAP_ADD",
            SettingTypes.capabilities(),
            List.of("CHOWN", "DAC_OVERRIDE", "SETUID", "SETGID", "KILL"),
            "capabilities added back after `CapDrop ALL` (what the seed's root phase needs before it drops to uid "
                    + "10000; see [Runtime hardening](#runtime-hardening))");
    public static final Setting<String> RUNTIME_LOG_MAX_SIZE = define(
            "HERMES_RUNTIME_LOG_MAX_SIZE", text(), "10m", "json-file log rotation: size of one log file (`10m`, `1g`)");
    public static final Setting<Integer> RUNTIME_LOG_MAX_FILE = define(
            "HERMES_RUNTIME_LOG_MAX_FILE", integer(1, 100), 3, "json-file log rotation: log files kept per runtime");
    public static final Setting<Integer> MAX_RUNTIMES = define(
            "HERMES_MAX_RUNTIMES",
            SettingTypes.autoOrPositive(),
            0,
            "running runtimes on this Docker engine, every fleet's counted (memory is the host's); `auto`: the engine's "
                    + "memory x 0.9 / `HERMES_RUNTIME_MEMORY_MB`, at least 1 (logged at start). At the bound a cold "
                    + "start evicts the least recently active idle runtime or is answered RuntimeFailed `CAPACITY`; see "
                    + "[Capacity](#capacity)");
    public static final Setting<Duration> EVICT_MIN_IDLE = seconds(
            "HERMES_EVICT_MIN_IDLE_SEC",
            300,
            "a runtime idle this long may be stopped (`EVICTED`, volume kept) to make room at `HERMES_MAX_RUNTIMES`; "
                    + "5 min: longer than a conversation's pauses (and 10 heartbeats of a paired device), far shorter "
                    + "than `RUNTIME_IDLE_SEC`, so a full engine turns over before anyone waits long");

    public static final Setting<Duration> LIVENESS_INTERVAL = seconds(
            "HERMES_LIVENESS_INTERVAL_SEC",
            30,
            "how often the owner re-checks `/health` of each warm runtime after it was ready (the checks are spread "
                    + "over the interval); see [Liveness](#liveness)");
    public static final Setting<Integer> LIVENESS_FAILURES = define(
            "HERMES_LIVENESS_FAILURES",
            integer(1, 100),
            3,
            "failed liveness checks in a row after which a warm runtime is removed (RuntimeStopped `UNHEALTHY`)");
    public static final Setting<Integer> CRASH_LOOP_AFTER = define(
            "HERMES_CRASH_LOOP_AFTER",
            integer(1, NO_MAX),
            3,
            "failed spawns of a family in a row (`HEALTH_TIMEOUT`, or its container exited while booting) after "
                    + "which it is answered RuntimeFailed `CRASH_LOOP` at once, with no Docker call, until its backoff "
                    + "expires; see [Crash loops](#crash-loops)");
    public static final Setting<Duration> CRASH_LOOP_BACKOFF_MIN = seconds(
            "HERMES_CRASH_LOOP_BACKOFF_MIN_SEC",
            10,
            "a family's first crash-loop backoff; each failed try after one doubles it");
    public static final Setting<Duration> CRASH_LOOP_BACKOFF_MAX = seconds(
            "HERMES_CRASH_LOOP_BACKOFF_MAX_SEC",
            600,
            "the longest crash-loop backoff (at least `HERMES_CRASH_LOOP_BACKOFF_MIN_SEC`)");
    public static final Setting<Duration> DOCKER_WAIT = seconds(
            "HERMES_DOCKER_WAIT_SEC",
            30,
            "the longest a cold ensure waits for an unreachable Docker to answer again (also bounded by the "
                    + "request's deadline less 1 s) before it is answered RuntimeFailed `HOST_UNAVAILABLE`; see "
                    + "[Docker outages](#docker-outages)");

    public static final Setting<ImagePull> IMAGE_PULL = define(
            "HERMES_IMAGE_PULL",
            SettingTypes.imagePull(),
            ImagePull.IF_NOT_PRESENT,
            "when to pull `HERMES_IMAGE`: `if-not-present` (only when the engine lacks it), `always` (at start and "
                    + "every image check) or `never` (a locally built image, such as the stand-in); a failed pull "
                    + "fails ensures with `SPAWN_ERROR` until the image is there");
    public static final Setting<Duration> IMAGE_CHECK = seconds(
            "HERMES_IMAGE_CHECK_SEC",
            60,
            "how often the image reference is resolved to its id again (besides on Docker image events); a new id "
                    + "recreates the running runtimes (see [Operations](#operations))");
    public static final Setting<Duration> IMAGE_PULL_TIMEOUT =
            seconds("HERMES_IMAGE_PULL_TIMEOUT_SEC", 600, "a pull that takes longer fails");

    public static final Setting<List<DockerHost>> DOCKER_HOSTS = new Setting<>(
            "HERMES_DOCKER_HOSTS",
            SettingTypes.dockerHosts(),
            List::of,
            "one host, `local`",
            "the Docker engines runtimes are placed on, e.g. "
                    + "`a=unix:///var/run/docker.sock@127.0.0.1/200,b=tcp://10.0.0.2:2376@10.0.0.2/200`; each "
                    + "family stays on the host of its volume, a new one goes to the host with the most free capacity "
                    + "(see [Several Docker engines](#several-docker-engines))");

    public static final Setting<Duration> MOVE_POLL = seconds(
            "HERMES_MOVE_POLL_SEC",
            2,
            "how often a worker reads the pending family moves (`ops/hermes hosts move`) and starts those of the "
                    + "families it owns (see [Moving families off a host](#moving-families-off-a-host))");

    public static final List<Setting<?>> ALL = List.of(
            KAFKA_BOOTSTRAP_SERVERS,
            TOPIC_PREFIX,
            GROUP_ID,
            WORKER_ID,
            PG_URL,
            PG_USER,
            PG_PASSWORD,
            PG_POOL_SIZE,
            API_KEY_SECRET,
            IMAGE,
            AGENT_PORT,
            PUBLISH_HOST,
            PLUGINS_DIR,
            DOCKER_HOST,
            HEALTH_TIMEOUT,
            MAX_CONCURRENT_SPAWNS,
            SPAWN_CONCURRENCY,
            MIN_CONCURRENT_SPAWNS,
            PARTITION_BUFFER_LIMIT,
            WORKER_THREADS,
            REVOKE_TIMEOUT,
            SESSION_TIMEOUT,
            RUNTIME_IDLE,
            REAP_INTERVAL,
            ORPHAN_SWEEP,
            LAST_ACTIVE_WRITE_INTERVAL,
            REMOVE_ON_REAP,
            RECREATE_CONCURRENCY,
            SETTINGS_POLL,
            HTTP_HOST,
            HTTP_PORT,
            KAFKA_PROPERTIES_FILE,
            EXTRA_LABELS,
            STALE_REQUEST,
            REPLY_TOPICS,
            ADMISSION,
            LOG_JSON,
            RUNTIME_MEMORY_MB,
            RUNTIME_CPUS,
            RUNTIME_PIDS_LIMIT,
            RUNTIME_CAP_ADD,
            RUNTIME_LOG_MAX_SIZE,
            RUNTIME_LOG_MAX_FILE,
            IMAGE_PULL,
            IMAGE_CHECK,
            IMAGE_PULL_TIMEOUT,
            MAX_RUNTIMES,
            EVICT_MIN_IDLE,
            LIVENESS_INTERVAL,
            LIVENESS_FAILURES,
            CRASH_LOOP_AFTER,
            CRASH_LOOP_BACKOFF_MIN,
            CRASH_LOOP_BACKOFF_MAX,
            DOCKER_WAIT,
            RUNTIME_PAUSE,
            RUNTIME_STOP,
            DOCKER_HOSTS,
            MOVE_POLL);

    private WorkerSettings() {}

    private static <T> Setting<T> define(String name, SettingType<T> type, T fallback, String doc) {
        Supplier<T> constant = () -> fallback;
        return new Setting<>(name, type, constant, null, doc);
    }

    private static Setting<Duration> seconds(String name, long fallbackSeconds, String doc) {
        return define(name, positiveSeconds(), Duration.ofSeconds(fallbackSeconds), doc);
    }

    private static String defaultWorkerId() {
        long pid = ManagementFactory.getRuntimeMXBean().getPid();
        try {
            return InetAddress.getLocalHost().getHostName() + "-" + pid;
        } catch (IOException e) {
            return "worker-" + pid;
        }
    }
}
