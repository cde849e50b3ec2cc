package dev.hermes.worker;

import dev.hermes.admin.Database;
import dev.hermes.admin.DockerHost;
import dev.hermes.admin.FamilyMoves;
import dev.hermes.admin.HostDrains;
import dev.hermes.admin.SettingsStore;
import dev.hermes.schemas.EventCodec;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.activity.ActivityTracker;
import dev.hermes.worker.activity.StateRestorer;
import dev.hermes.worker.audit.LifecycleAudit;
import dev.hermes.worker.consumer.RequestLoop;
import dev.hermes.worker.docker.ContainerSpec;
import dev.hermes.worker.docker.Docker;
import dev.hermes.worker.docker.DockerJava;
import dev.hermes.worker.docker.DockerOutage;
import dev.hermes.worker.docker.hosts.DrainedHosts;
import dev.hermes.worker.docker.hosts.Engines;
import dev.hermes.worker.docker.hosts.HostOutages;
import dev.hermes.worker.docker.hosts.MultiHostDocker;
import dev.hermes.worker.docker.hosts.PlacementRefresh;
import dev.hermes.worker.docker.hosts.VolumeMover;
import dev.hermes.worker.kafka.EventPublisher;
import dev.hermes.worker.kafka.ReplyRoutes;
import dev.hermes.worker.lanes.KeyedExecutor;
import dev.hermes.worker.lifecycle.AccountRecreator;
import dev.hermes.worker.lifecycle.EngineBound;
import dev.hermes.worker.lifecycle.EngineCapacity;
import dev.hermes.worker.lifecycle.Evictor;
import dev.hermes.worker.lifecycle.FleetRecreator;
import dev.hermes.worker.lifecycle.FleetScope;
import dev.hermes.worker.lifecycle.Freezer;
import dev.hermes.worker.lifecycle.Housekeeping;
import dev.hermes.worker.lifecycle.OwnedRuntimes;
import dev.hermes.worker.lifecycle.PausedRestorer;
import dev.hermes.worker.lifecycle.RuntimeRecovery;
import dev.hermes.worker.metrics.HttpEndpoints;
import dev.hermes.worker.metrics.Meters;
import dev.hermes.worker.metrics.Readiness;
import dev.hermes.worker.metrics.StandardBinders;
import dev.hermes.worker.moves.MoveWatcher;
import dev.hermes.worker.requests.DockerWait;
import dev.hermes.worker.requests.FamilyHostOutage;
import dev.hermes.worker.requests.OwnedState;
import dev.hermes.worker.requests.Responder;
import dev.hermes.worker.runtime.ContainerDeaths;
import dev.hermes.worker.runtime.ContainerPauses;
import dev.hermes.worker.runtime.DockerEventWatcher;
import dev.hermes.worker.runtime.RuntimeRegistry;
import dev.hermes.worker.runtime.WarmSetReconciler;
import dev.hermes.worker.settings.AccountSink;
import dev.hermes.worker.settings.AccountWatcher;
import dev.hermes.worker.settings.KnownAccounts;
import dev.hermes.worker.settings.SettingsCache;
import dev.hermes.worker.settings.SettingsSource;
import dev.hermes.worker.settings.SettingsWatcher;
import dev.hermes.worker.spawn.Ensurer;
import dev.hermes.worker.spawn.ImageResolver;
import dev.hermes.worker.spawn.ImageWatch;
import dev.hermes.worker.spawn.RuntimeSpawner;
import dev.hermes.worker.spawn.SpawnGate;
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
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
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
    private ReplyRoutes replyRoutes(Admin admin, Clock clock) {
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

    private Admin admin() {
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
        Clock clock = clock();
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Meters meters = new Meters(prometheus);
        AtomicReference<BooleanSupplier> live = new AtomicReference<>(() -> true);
        AtomicReference<Supplier<String>> ready = new AtomicReference<>(() -> "starting");
        AtomicReference<Supplier<String>> degraded = new AtomicReference<>(() -> null);
        HttpEndpoints http = http(prometheus, live, ready, degraded);
        List<AutoCloseable> closeables = new ArrayList<>();
        ready.set(() -> "waiting for PostgreSQL at " + config.pgUrl());
        Database database = database();
        ready.set(() -> "starting");
        HostDrains drains = new HostDrains(database.jdbi());
        drained.refresh(drains);
        Docker docker = docker();
        EventCodec codec = new EventCodec();
        Admin admin = admin();
        EventPublisher publisher = publisher(codec, replyRoutes(admin, clock));
        LifecycleAudit audit = new LifecycleAudit(publisher, config.workerId());
        SettingsStore store = new SettingsStore(database.jdbi());
        SettingsCache settings = new SettingsCache(settingsSource(store));
        settings.refresh();
        meters.degraded("postgres", () -> settings.outage() != null);
        KnownAccounts admission = new KnownAccounts(
                config.admission(), store::accountIds, store::hasAccount, clock, Duration.ofSeconds(10));
        admission.load();
        RuntimeRegistry registry = new RuntimeRegistry();
        DockerOutage dockerOutage = new DockerOutage(clock);
        meters.degraded("docker", dockerOutage::down);
        Engines engines = docker instanceof MultiHostDocker multi ? multi.engines() : null;
        if (engines != null) {
            for (DockerHost host : engines.hosts()) {
                engines.probe(host.name()); // learns the families each host holds
                meters.dockerHostUp(
                        host.name(), () -> !engines.outages().of(host.name()).down());
            }
        }
        meters.runtimesRunning(registry::size);
        meters.pauses().pausedRuntimes(registry::pausedCount);
        Freezer freezer = new Freezer(docker, meters);
        RuntimeSpawner spawner = new RuntimeSpawner(
                docker,
                clock,
                SpawnGate.of(
                        config.spawnConcurrency(), config.minConcurrentSpawns(), config.maxConcurrentSpawns(), clock));
        meters.spawnSlots(spawner.gate()::limit, spawner.gate()::inFlight, spawner.gate()::waiting);
        ImageResolver image = new ImageResolver(docker, config.image(), config.imagePull(), config.imagePullTimeout());
        image.resolve(true);
        ActivityTracker activity = new ActivityTracker(
                publisher,
                clock,
                config.lastActiveWriteInterval(),
                engines == null ? user -> null : user -> engines.hostOfFamily(user.containerName()));
        KeyedExecutor<UserId> lanes = new KeyedExecutor<>(config.workerThreads(), "hermes-lane");
        // the loop owns the partitions, and the loop needs the ensurer, which needs the runtimes the loop owns
        AtomicReference<RequestLoop> loopRef = new AtomicReference<>();
        FleetScope scope = new FleetScope(
                config.groupId(),
                () -> loopRef.get() == null ? Set.of() : loopRef.get().ownedPartitions(),
                () -> publisher.partitionCount(config.topics().requests()));
        OwnedRuntimes owned = new OwnedRuntimes(docker, scope, lanes, meters);
        EngineCapacity capacity = new EngineCapacity(
                () -> EngineBound.of(
                        config.maxRuntimes(),
                        docker::engineMemoryBytes,
                        config.runtimeLimits().memoryBytes()),
                runtimesOnEngine(docker),
                new Evictor(
                        owned,
                        activity,
                        registry,
                        spawner,
                        audit,
                        meters,
                        clock,
                        config.evictMinIdle(),
                        config.removeOnReap(),
                        freezer),
                meters);
        meters.engineCapacity(capacity::knownBound, capacity::estimate);
        Ensurer ensurer = new EnsurerWiring(config)
                .ensurer(spawner, image, settings, registry, meters, clock, admission, capacity, docker);
        Housekeeping housekeeping = new Housekeeping();
        closeables.add(housekeeping);
        RuntimeRecovery recovery =
                new RuntimeRecovery(lanes, ensurer, activity, audit, meters, clock, config.idleTimeout());
        PausedRestorer pausedRestorer =
                new PausedRestorer(owned, docker, registry, meters, clock, config.publishHost(), config.agentPort());
        WarmSetReconciler reconciler = new WarmSetReconciler(docker, config.groupId(), registry, recovery, clock);
        MoveWatcher moves = new MoveWatcher(
                new FamilyMoves(database.jdbi()),
                engines == null ? null : new VolumeMover(engines, config.image(), config.groupId(), clock),
                engines == null ? null : new PlacementRefresh(engines),
                lanes,
                audit,
                () -> publisher.partitionCount(config.topics().requests()),
                clock,
                config.revokeTimeout());
        RequestLoop loop = new RequestLoop(
                binders.kafka(consumer(requestConsumerProps())),
                config.topics().requests(),
                codec,
                lanes,
                new Responder(
                        ensurer,
                        publisher,
                        audit,
                        activity,
                        meters,
                        clock,
                        config.workerId(),
                        config.staleRequestAfter(),
                        engines == null
                                ? DockerWait.of(
                                        dockerOutage, clock, config.dockerWait(), config.workerThreads(), registry)
                                : DockerWait.of(
                                        new FamilyHostOutage(engines, docker, activity::lastHost, clock),
                                        clock,
                                        config.dockerWait(),
                                        config.workerThreads(),
                                        registry)),
                publisher,
                new OwnedState(
                        restorer(codec, activity),
                        activity,
                        registry,
                        () -> housekeeping.once("warm set reconcile", () -> {
                            reconciler.reconcile();
                            pausedRestorer.restore();
                        }),
                        moves),
                meters,
                config.partitionBufferLimit(),
                config.revokeTimeout(),
                config.workerId());
        DockerEventWatcher watcher = new DockerEventWatcher(
                        docker,
                        config.groupId(),
                        registry,
                        new ContainerDeaths(
                                registry, ContainerSpec.LABEL_USER, recovery, new ContainerPauses(registry, clock)),
                        reconciler)
                .start();
        closeables.add(watcher);
        loopRef.set(loop);
        Chores chores = new Chores(config, clock, meters);
        chores.lifecycle(housekeeping, docker, registry, recovery, owned, spawner, activity, audit, freezer, capacity);
        SettingsWatcher settingsWatcher = new SettingsWatcher(
                binders.kafka(
                        consumer(Map.of(ConsumerConfig.CLIENT_ID_CONFIG, "hermes-settings-" + config.workerId()))),
                config.topics().settings(),
                codec,
                new FleetRecreator(
                                owned, ensurer, settings, audit, meters, config.recreateConcurrency(), freezer, clock)
                        ::recreateStale);
        closeables.add(0, settingsWatcher);
        // a new image under the tag starts the same campaign as a settings change (one at a time, on its thread)
        closeables.add(
                0,
                new ImageWatch(docker, image, config.imageCheckInterval(), () -> settingsWatcher.check(null)).start());
        AccountRecreator accountRecreator =
                new AccountRecreator(scope, lanes, ensurer, audit, config.recreateConcurrency());
        AccountWatcher accountWatcher = new AccountWatcher(
                binders.kafka(
                        consumer(Map.of(ConsumerConfig.CLIENT_ID_CONFIG, "hermes-accounts-" + config.workerId()))),
                config.topics().accounts(),
                codec,
                AccountSink.of(store),
                admission,
                accountRecreator::accountChanged);
        closeables.add(0, accountWatcher);
        // an account recreate that failed (old runtime left serving) is tried again at the settings check's pace
        housekeeping.every(
                "account recreate retry",
                config.settingsPollInterval(),
                config.settingsPollInterval(),
                accountRecreator::retryFailed);
        if (engines != null) {
            housekeeping.every(
                    "Docker host drains", DrainedHosts.REFRESH, DrainedHosts.REFRESH, () -> drained.refresh(drains));
        }
        // on its own thread: while PostgreSQL is down each read waits out the pool's connection timeout
        Housekeeping moveWatch = new Housekeeping("hermes-move-watcher");
        closeables.add(0, moveWatch);
        moveWatch.every("family moves", config.movePollInterval(), config.movePollInterval(), moves::poll);
        housekeeping.every(
                "settings version check",
                config.settingsPollInterval(),
                config.settingsPollInterval(),
                () -> settingsWatcher.check(null));
        Readiness readiness = new Readiness(
                config.bootstrapServers(),
                config.kafkaProperties(),
                docker,
                () -> watcher.connected() ? loop.notReadyReason() : "Docker event stream not connected",
                settings::outage);
        readiness.probe();
        chores.probes(closeables, settings, docker, dockerOutage, watcher);
        if (engines != null) {
            chores.hostProbes(closeables, engines, watcher);
        }
        housekeeping.every("readiness probe", Readiness.interval(), Readiness.interval(), readiness::probe);
        closeables.addAll(List.of(readiness, http, lanes, publisher, admin, docker, database));
        closeables.add(0, binders.bindTo(prometheus, readiness::ready));
        CompletableFuture<Throwable> loopDied = new CompletableFuture<>();
        Thread loopThread = new Thread(() -> Worker.runLoop(loop, loopDied), "hermes-requests-loop");
        loopThread.start();
        // a wedged loop is as dead as an ended one: a supervisor that ignores health checks still restarts it
        housekeeping.every("request loop watchdog", Duration.ofSeconds(5), Duration.ofSeconds(5), () -> {
            if (!loop.stopping() && !loop.polledRecently()) {
                loopDied.complete(new IllegalStateException("the request loop has not polled for 60 s"));
            }
        });
        ready.set(readiness::notReadyReason);
        degraded.set(() -> degradedReason(readiness, engines));
        live.set(() -> loopThread.isAlive() && loop.polledRecently());
        return new Worker(
                config,
                loop,
                loopThread,
                registry,
                activity,
                meters,
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

    private StateRestorer restorer(EventCodec codec, ActivityTracker activity) {
        return new StateRestorer(
                () -> consumer(KafkaClientProperties.restore(config)),
                config.topics().lastActive(),
                codec,
                activity);
    }

    private HttpEndpoints http(
            PrometheusMeterRegistry prometheus,
            AtomicReference<BooleanSupplier> live,
            AtomicReference<Supplier<String>> notReady,
            AtomicReference<Supplier<String>> degraded) {
        try {
            return new HttpEndpoints(
                    config.httpHost(),
                    config.httpPort(),
                    prometheus::scrape,
                    () -> live.get().getAsBoolean(),
                    () -> notReady.get().get(),
                    () -> degraded.get().get());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve metrics on " + config.httpHost() + ":" + config.httpPort(), e);
        }
    }
}
