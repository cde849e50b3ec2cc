package dev.hermes.worker;

import dev.hermes.admin.Database;
import dev.hermes.admin.DockerHost;
import dev.hermes.admin.SettingsStore;
import dev.hermes.schemas.EventCodec;
import dev.hermes.worker.consumer.RequestLoop;
import dev.hermes.worker.docker.ContainerSpec;
import dev.hermes.worker.docker.Docker;
import dev.hermes.worker.docker.DockerJava;
import dev.hermes.worker.docker.hosts.DrainedHosts;
import dev.hermes.worker.docker.hosts.Engines;
import dev.hermes.worker.docker.hosts.HostOutages;
import dev.hermes.worker.docker.hosts.MultiHostDocker;
import dev.hermes.worker.kafka.EventPublisher;
import dev.hermes.worker.kafka.ReplyRoutes;
import dev.hermes.worker.metrics.HttpEndpoints;
import dev.hermes.worker.metrics.Meters;
import dev.hermes.worker.metrics.Readiness;
import dev.hermes.worker.metrics.StandardBinders;
import dev.hermes.worker.runtime.ContainerDeaths;
import dev.hermes.worker.runtime.ContainerPauses;
import dev.hermes.worker.runtime.DockerEventWatcher;
import dev.hermes.worker.settings.SettingsSource;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The one hand-written wiring of a worker. Tests override the protected factory methods to swap a
 * part (the clock, the Docker client) and keep the rest real.
 */
public class Wiring {
    protected final WorkerConfig config;
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Wiring.class);

    private final StandardBinders binders = new StandardBinders();
    private final DrainedHosts drained = new DrainedHosts();

    public Wiring(WorkerConfig config) {
        this.config = config;
    }

    protected Clock clock() {
        return Clock.systemUTC();
    }

    /** One engine (DOCKER_HOST), or with HERMES_DOCKER_HOSTS one client per host behind a {@link MultiHostDocker}. */
    protected Docker docker() {
        int connections = Math.max(16, config.maxConcurrentSpawns() * 4);
        if (config.dockerHosts().isEmpty()) {
            return DockerJava.connect(config.dockerHost(), connections, clock());
        }
        Map<DockerHost, Docker> clients = new LinkedHashMap<>();
        for (DockerHost host : config.dockerHosts()) {
            clients.put(host, DockerJava.connect(host.endpoint(), connections, clock()));
        }
        return new MultiHostDocker(
                new Engines(clients, new HostOutages(config.dockerHosts(), clock()), drainedHosts(), clock()));
    }

    /** The hosts that take no new family (ops/hermes hosts drain); read at each placement. */
    protected Supplier<Set<String>> drainedHosts() {
        return drained;
    }

    DrainedHosts drained() {
        return drained;
    }

    <K, V> Consumer<K, V> kafka(Consumer<K, V> consumer) {
        return binders.kafka(consumer);
    }

    protected Producer<byte[], byte[]> producer(Map<String, Object> properties) {
        return EventPublisher.producer(properties);
    }

    protected EventPublisher publisher(EventCodec codec, ReplyRoutes replyRoutes) {
        return new EventPublisher(
                binders.kafka(producer(EventPublisher.producerProperties(
                        config.bootstrapServers(), config.workerId(), config.kafkaProperties()))),
                binders.kafka(producer(EventPublisher.stateProducerProperties(
                        config.bootstrapServers(), config.workerId(), config.kafkaProperties()))),
                config.topics(),
                codec,
                replyRoutes);
    }

    /** Replies go where HERMES_REPLY_TOPICS allows, to partitions that exist: asked of an Admin, never blocking. */
    ReplyRoutes replyRoutes(Admin admin, Clock clock) {
        return new ReplyRoutes(
                ReplyRoutes.orDefault(config.replyTopics(), config.topics()),
                config.topics(),
                topic -> admin.describeTopics(List.of(topic))
                        .topicNameValues()
                        .get(topic)
                        .toCompletionStage()
                        .toCompletableFuture()
                        .thenApply(description -> description.partitions().size()),
                clock);
    }

    Admin admin() {
        return Admin.create(KafkaClientProperties.admin(config));
    }

    /** Waits for PostgreSQL as long as it takes (logging every 5 s why), then migrates. */
    protected Database database() {
        return Database.open(
                config.pgUrl(), config.pgUser(), config.pgPassword(), config.pgPoolSize(), Duration.ofDays(3650));
    }

    /** Where the worker reads the global settings and the accounts: PostgreSQL (a test may make it fail). */
    protected SettingsSource settingsSource(SettingsStore store) {
        return SettingsSource.of(store);
    }

    protected Consumer<byte[], byte[]> consumer(Map<String, Object> overrides) {
        return new KafkaConsumer<>(
                KafkaClientProperties.consumer(config, overrides),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
    }

    protected Map<String, Object> requestConsumerProps() {
        return KafkaClientProperties.requests(config);
    }

    /** Builds and starts a worker. /livez answers from the first moment; /readyz once it can serve. */
    public Worker start() {
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Meters meters = new Meters(prometheus);
        StartupStatus status = new StartupStatus();
        HttpEndpoints http = http(prometheus, status);
        List<AutoCloseable> closeables = new ArrayList<>();
        Platform platform = Platform.open(this, clock(), meters, status);
        RuntimeParts parts = RuntimeParts.build(this, platform);
        closeables.add(parts.housekeeping());
        RequestLoop loop = new RequestLoopWiring(this).requestLoop(platform, parts);
        DockerEventWatcher watcher = new DockerEventWatcher(
                        platform.docker(),
                        config.groupId(),
                        platform.registry(),
                        new ContainerDeaths(
                                platform.registry(),
                                ContainerSpec.LABEL_USER,
                                parts.recovery(),
                                new ContainerPauses(platform.registry(), platform.clock())),
                        parts.reconciler(),
                        platform.dockerOutage()::down)
                .start();
        closeables.add(watcher);
        parts.loop().set(loop);
        Chores chores = new Chores(config, platform.clock(), meters);
        chores.lifecycle(
                parts.housekeeping(),
                platform.docker(),
                platform.registry(),
                parts.recovery(),
                parts.owned(),
                parts.spawner(),
                parts.activity(),
                platform.audit(),
                parts.freezer(),
                parts.capacity());
        Watchers.start(this, platform, parts, closeables);
        Readiness readiness = new Readiness(
                config.bootstrapServers(),
                config.kafkaProperties(),
                platform.docker(),
                () -> watcher.connected() ? loop.notReadyReason() : "Docker event stream not connected",
                platform.settings()::outage);
        readiness.probe();
        chores.probes(closeables, platform.settings(), platform.docker(), platform.dockerOutage(), watcher);
        if (platform.severalHosts()) {
            chores.hostProbes(closeables, platform.engines(), watcher);
        }
        parts.housekeeping().every("readiness probe", Readiness.interval(), Readiness.interval(), readiness::probe);
        closeables.addAll(List.of(
                readiness,
                http,
                parts.lanes(),
                platform.publisher(),
                platform.admin(),
                platform.docker(),
                platform.database()));
        closeables.add(0, binders.bindTo(prometheus, readiness::ready));
        return run(loop, platform, parts, readiness, status, http, closeables);
    }

    /** Starts the request loop's thread and its watchdog, and hands /livez and /readyz to the running worker. */
    private Worker run(
            RequestLoop loop,
            Platform platform,
            RuntimeParts parts,
            Readiness readiness,
            StartupStatus status,
            HttpEndpoints http,
            List<AutoCloseable> closeables) {
        CompletableFuture<Throwable> loopDied = new CompletableFuture<>();
        Thread loopThread = new Thread(() -> Worker.runLoop(loop, loopDied), "hermes-requests-loop");
        loopThread.start();
        // a wedged loop is as dead as an ended one: a supervisor that ignores health checks still restarts it
        parts.housekeeping().every("request loop watchdog", Duration.ofSeconds(5), Duration.ofSeconds(5), () -> {
            if (!loop.stopping() && !loop.polledRecently()) {
                loopDied.complete(new IllegalStateException("the request loop has not polled for 60 s"));
            }
        });
        status.serve(
                () -> loopThread.isAlive() && loop.polledRecently(),
                readiness::notReadyReason,
                () -> degradedReason(readiness, platform.engines()));
        return new Worker(
                config,
                loop,
                loopThread,
                platform.registry(),
                parts.activity(),
                platform.meters(),
                readiness::ready,
                readiness::notReadyReason,
                http.port(),
                closeables,
                loopDied);
    }

    /**
     * One Docker list: the managed runtimes running on the engine, of every fleet (HERMES_MAX_RUNTIMES bounds them
     * all). A test on an engine shared with other suites narrows it to its own.
     */
    protected IntSupplier runtimesOnEngine(Docker docker) {
        return docker::countRunningManagedOfAnyFleet;
    }

    /** PostgreSQL down, and (with several Docker hosts) which hosts do not answer. */
    private static String degradedReason(Readiness readiness, Engines engines) {
        String postgres = readiness.degradedReason();
        Set<String> down = engines == null ? Set.of() : engines.outages().down();
        if (down.isEmpty()) {
            return postgres;
        }
        String hosts = "Docker hosts unreachable: " + String.join(",", down)
                + " (their families are answered HOST_UNAVAILABLE)";
        return postgres == null ? hosts : postgres + "; " + hosts;
    }

    private HttpEndpoints http(PrometheusMeterRegistry prometheus, StartupStatus status) {
        try {
            return new HttpEndpoints(
                    config.httpHost(),
                    config.httpPort(),
                    prometheus::scrape,
                    status::live,
                    status::notReadyReason,
                    status::degradedReason);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve metrics on " + config.httpHost() + ":" + config.httpPort(), e);
        }
    }
}
