package dev.hermes.worker.lifecycle;

import dev.hermes.worker.kafka.Partitions;

import dev.hermes.worker.activity.ActivityTracker;

import dev.hermes.schemas.EventIds;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import dev.hermes.schemas.RuntimeStopped;
import dev.hermes.schemas.StopReason;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.lanes.KeyedExecutor;
import dev.hermes.worker.metrics.Meters;
import dev.hermes.worker.kafka.EventPublisher;
import dev.hermes.worker.runtime.Runtime;
import dev.hermes.worker.runtime.RuntimeRegistry;
import dev.hermes.worker.docker.ContainerLabels;
import dev.hermes.worker.docker.ContainerSpec;
import dev.hermes.worker.spawn.RuntimeSpawner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops the runtimes of owned families idle longer than RUNTIME_IDLE_SEC. One Docker list per cycle
 * finds what runs; each reap goes through the family's lane, so it never interleaves with a request,
 * and a semaphore bounds how many run at once. A runtime with no activity record counts as active
 * when it started.
 */
public final class Reaper {
    private static final Logger log = LoggerFactory.getLogger(Reaper.class);
    private final DockerClient docker;
    private final RuntimeSpawner spawner;
    private final ActivityTracker activity;
    private final RuntimeRegistry registry;
    private final KeyedExecutor<UserId> lanes;
    private final EventPublisher publisher;
    private final Meters meters;
    private final Clock clock;
    private final String fleet;
    private final Duration idleTimeout;
    private final boolean removeOnReap;
    private final String workerId;
    private final Supplier<Set<Integer>> ownedPartitions;
    private final IntSupplier partitionCount;
    private final Semaphore concurrency;
    private final Set<UserId> pending = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public Reaper(DockerClient docker, RuntimeSpawner spawner, ActivityTracker activity, RuntimeRegistry registry,
                  KeyedExecutor<UserId> lanes, EventPublisher publisher, Meters meters, Clock clock,
                  String fleet, Duration idleTimeout, boolean removeOnReap, String workerId, Supplier<Set<Integer>> ownedPartitions,
                  IntSupplier partitionCount, int maxConcurrentReaps) {
        this.docker = docker;
        this.spawner = spawner;
        this.activity = activity;
        this.registry = registry;
        this.lanes = lanes;
        this.publisher = publisher;
        this.meters = meters;
        this.clock = clock;
        this.fleet = fleet;
        this.idleTimeout = idleTimeout;
        this.removeOnReap = removeOnReap;
        this.workerId = workerId;
        this.ownedPartitions = ownedPartitions;
        this.partitionCount = partitionCount;
        this.concurrency = new Semaphore(maxConcurrentReaps);
    }

    /** One cycle: returns how many reaps were queued. */
    public int reapIdle() throws InterruptedException {
        Set<Integer> owned = ownedPartitions.get();
        if (owned.isEmpty()) {
            return 0;
        }
        int partitions = partitionCount.getAsInt();
        Instant cutoff = clock.instant().minus(idleTimeout);
        meters.dockerCall();
        int queued = 0;
        for (Container container : docker.listContainersCmd().withStatusFilter(java.util.List.of("running"))
                .withLabelFilter(Map.of(ContainerSpec.LABEL_MANAGED, "true", ContainerSpec.LABEL_FLEET, fleet)).exec()) {
            UserId user = ContainerLabels.user(container.getLabels());
            if (user == null || !owned.contains(Partitions.of(user, partitions))) {
                continue;
            }
            if (lastActive(user, container).isBefore(cutoff) && pending.add(user)) {
                concurrency.acquire();
                lanes.submit(user, () -> {
                    try {
                        reapIfStillIdle(user, container.getId());
                    } finally {
                        pending.remove(user);
                        concurrency.release();
                    }
                });
                queued++;
            }
        }
        return queued;
    }

    private Instant lastActive(UserId user, Container container) {
        ActivityTracker.Activity known = activity.get(user);
        if (known != null) {
            return known.lastActiveAt();
        }
        Runtime runtime = registry.get(user).orElse(null);
        if (runtime != null) {
            return runtime.startedAt();
        }
        return spawner.inspect(container.getId()).map(c -> Instant.parse(c.getState().getStartedAt()))
                .orElse(clock.instant());
    }

    /** Runs on the family's lane: a request that came in since the cycle started wins. */
    private void reapIfStillIdle(UserId user, String containerId) {
        ActivityTracker.Activity known = activity.get(user);
        if (known != null && known.lastActiveAt().isAfter(clock.instant().minus(idleTimeout))) {
            return;
        }
        registry.remove(user);
        meters.dockerCall();
        if (removeOnReap) {
            spawner.remove(containerId);
        } else {
            spawner.stop(containerId);
        }
        meters.reaped(StopReason.IDLE.name());
        publisher.audit(new RuntimeStopped(EventIds.next(), clock.instant(), user, null, workerId,
                user.containerName(), StopReason.IDLE, removeOnReap, false));
        log.info("reaped user={} container={} idle since {}", user, user.containerName(),
                known == null ? "its start" : known.lastActiveAt());
    }
}
