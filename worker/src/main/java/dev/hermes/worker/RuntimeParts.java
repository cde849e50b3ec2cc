package dev.hermes.worker;

import dev.hermes.admin.FamilyMoves;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.activity.ActivityTracker;
import dev.hermes.worker.consumer.RequestLoop;
import dev.hermes.worker.docker.Docker;
import dev.hermes.worker.docker.hosts.Engines;
import dev.hermes.worker.docker.hosts.PlacementRefresh;
import dev.hermes.worker.docker.hosts.VolumeMover;
import dev.hermes.worker.lanes.KeyedExecutor;
import dev.hermes.worker.lifecycle.EngineBound;
import dev.hermes.worker.lifecycle.EngineCapacity;
import dev.hermes.worker.lifecycle.Evictor;
import dev.hermes.worker.lifecycle.FleetScope;
import dev.hermes.worker.lifecycle.Freezer;
import dev.hermes.worker.lifecycle.Housekeeping;
import dev.hermes.worker.lifecycle.OwnedRuntimes;
import dev.hermes.worker.lifecycle.PausedRestorer;
import dev.hermes.worker.lifecycle.RuntimeRecovery;
import dev.hermes.worker.metrics.Meters;
import dev.hermes.worker.moves.MoveWatcher;
import dev.hermes.worker.runtime.WarmSetReconciler;
import dev.hermes.worker.spawn.Ensurer;
import dev.hermes.worker.spawn.ImageResolver;
import dev.hermes.worker.spawn.RuntimeSpawner;
import dev.hermes.worker.spawn.SpawnGate;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The second step of {@link Wiring#start()}: the parts that start, pause, evict, recover and move the runtimes this
 * worker owns, and the lanes they run on. {@code loop} is set once the request loop exists: the loop owns the
 * partitions and needs the ensurer, which needs the runtimes the loop owns.
 */
record RuntimeParts(
        Freezer freezer,
        RuntimeSpawner spawner,
        ImageResolver image,
        ActivityTracker activity,
        KeyedExecutor<UserId> lanes,
        AtomicReference<RequestLoop> loop,
        FleetScope scope,
        OwnedRuntimes owned,
        EngineCapacity capacity,
        Ensurer ensurer,
        Housekeeping housekeeping,
        RuntimeRecovery recovery,
        PausedRestorer pausedRestorer,
        WarmSetReconciler reconciler,
        MoveWatcher moves) {

    static RuntimeParts build(Wiring wiring, Platform platform) {
        WorkerConfig config = wiring.config;
        Meters meters = platform.meters();
        Docker docker = platform.docker();
        Engines engines = platform.engines();
        Freezer freezer = new Freezer(docker, meters);
        RuntimeSpawner spawner = new RuntimeSpawner(
                docker,
                platform.clock(),
                SpawnGate.of(
                        config.spawnConcurrency(),
                        config.minConcurrentSpawns(),
                        config.maxConcurrentSpawns(),
                        platform.clock()));
        meters.spawns().slots(spawner.gate()::limit, spawner.gate()::inFlight, spawner.gate()::waiting);
        ImageResolver image = new ImageResolver(docker, config.image(), config.imagePull(), config.imagePullTimeout());
        image.resolve(true);
        ActivityTracker activity = new ActivityTracker(
                platform.publisher(),
                platform.clock(),
                config.lastActiveWriteInterval(),
                engines == null ? user -> null : user -> engines.hostOfFamily(user.containerName()));
        KeyedExecutor<UserId> lanes = new KeyedExecutor<>(config.workerThreads(), "hermes-lane");
        AtomicReference<RequestLoop> loop = new AtomicReference<>();
        FleetScope scope = new FleetScope(
                config.groupId(),
                () -> loop.get() == null ? Set.of() : loop.get().ownedPartitions(),
                () -> platform.publisher().partitionCount(config.topics().requests()));
        OwnedRuntimes owned = new OwnedRuntimes(docker, scope, lanes, meters);
        EngineCapacity capacity = capacity(wiring, platform, owned, activity, spawner, freezer);
        Ensurer ensurer = new EnsurerWiring(config)
                .ensurer(
                        spawner,
                        image,
                        platform.settings(),
                        platform.registry(),
                        meters,
                        platform.clock(),
                        platform.admission(),
                        capacity,
                        docker);
        RuntimeRecovery recovery = new RuntimeRecovery(
                lanes, ensurer, activity, platform.audit(), meters, platform.clock(), config.idleTimeout());
        PausedRestorer pausedRestorer = new PausedRestorer(
                owned, docker, platform.registry(), meters, platform.clock(), config.publishHost(), config.agentPort());
        WarmSetReconciler reconciler =
                new WarmSetReconciler(docker, config.groupId(), platform.registry(), recovery, platform.clock());
        MoveWatcher moves = new MoveWatcher(
                new FamilyMoves(platform.database().jdbi()),
                engines == null ? null : new VolumeMover(engines, config.image(), config.groupId(), platform.clock()),
                engines == null ? null : new PlacementRefresh(engines),
                lanes,
                platform.audit(),
                () -> platform.publisher().partitionCount(config.topics().requests()),
                platform.clock(),
                config.revokeTimeout(),
                config.moveExpireAfter());
        return new RuntimeParts(
                freezer,
                spawner,
                image,
                activity,
                lanes,
                loop,
                scope,
                owned,
                capacity,
                ensurer,
                new Housekeeping(),
                recovery,
                pausedRestorer,
                reconciler,
                moves);
    }

    private static EngineCapacity capacity(
            Wiring wiring,
            Platform platform,
            OwnedRuntimes owned,
            ActivityTracker activity,
            RuntimeSpawner spawner,
            Freezer freezer) {
        WorkerConfig config = wiring.config;
        Docker docker = platform.docker();
        EngineCapacity capacity = new EngineCapacity(
                () -> EngineBound.of(
                        config.maxRuntimes(),
                        docker::engineMemoryBytes,
                        config.runtimeLimits().memoryBytes()),
                wiring.runtimesOnEngine(docker),
                new Evictor(
                        owned,
                        activity,
                        platform.registry(),
                        spawner,
                        platform.audit(),
                        platform.meters(),
                        platform.clock(),
                        config.evictMinIdle(),
                        config.removeOnReap(),
                        freezer),
                platform.meters());
        platform.meters().spawns().engineCapacity(capacity::knownBound, capacity::estimate);
        return capacity;
    }
}
