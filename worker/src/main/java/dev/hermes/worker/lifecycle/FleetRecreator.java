package dev.hermes.worker.lifecycle;

import dev.hermes.worker.settings.SettingsCache;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.lanes.KeyedExecutor;
import dev.hermes.worker.metrics.Meters;
import dev.hermes.worker.kafka.Partitions;
import dev.hermes.worker.docker.ContainerLabels;
import dev.hermes.worker.docker.ContainerSpec;
import dev.hermes.worker.spawn.Ensurer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings every running runtime this worker owns onto the current settings version: rm -f, spawn,
 * health, through each family's lane, at most HERMES_RECREATE_CONCURRENCY at once. The Docker labels
 * are the truth, so a replayed event or a worker taking over halfway recreates only what is still old.
 */
public final class FleetRecreator {
    private static final Logger log = LoggerFactory.getLogger(FleetRecreator.class);
    private final DockerClient docker;
    private final Ensurer ensurer;
    private final SettingsCache settings;
    private final KeyedExecutor<UserId> lanes;
    private final Meters meters;
    private final String fleet;
    private final Supplier<Set<Integer>> ownedPartitions;
    private final IntSupplier partitionCount;
    private final int concurrency;

    public FleetRecreator(DockerClient docker, Ensurer ensurer, SettingsCache settings, KeyedExecutor<UserId> lanes,
                          Meters meters, String fleet, Supplier<Set<Integer>> ownedPartitions,
                          IntSupplier partitionCount, int concurrency) {
        this.docker = docker;
        this.ensurer = ensurer;
        this.settings = settings;
        this.lanes = lanes;
        this.meters = meters;
        this.fleet = fleet;
        this.ownedPartitions = ownedPartitions;
        this.partitionCount = partitionCount;
        this.concurrency = concurrency;
    }

    /** Recreates what is stale; returns how many were recreated. Synchronized: one campaign at a time. */
    public synchronized int recreateStale(UUID causationId) throws InterruptedException {
        long version = settings.refresh().version();
        List<UserId> stale = staleRuntimes(version);
        meters.settingsDrift().set(stale.size());
        if (stale.isEmpty()) {
            return 0;
        }
        log.info("settings version {}: recreating {} runtimes, {} at a time", version, stale.size(), concurrency);
        Semaphore permits = new Semaphore(concurrency);
        CountDownLatch done = new CountDownLatch(stale.size());
        AtomicInteger recreated = new AtomicInteger();
        long started = System.nanoTime();
        long lastProgress = started;
        for (UserId user : stale) {
            permits.acquire();
            lanes.submit(user, () -> {
                try {
                    if (ensurer.recreateIfStale(user, causationId) != null) {
                        recreated.incrementAndGet();
                    }
                } catch (RuntimeException e) {
                    log.warn("recreate of user={} failed: {}", user, e.getMessage());
                } finally {
                    meters.settingsDrift().decrementAndGet();
                    permits.release();
                    done.countDown();
                }
            });
            if (System.nanoTime() - lastProgress > 5_000_000_000L) {
                lastProgress = System.nanoTime();
                log.info("recreate to settings version {}: {} of {} done, {} still on an older version", version,
                        stale.size() - done.getCount(), stale.size(), meters.settingsDrift().get());
            }
        }
        while (!done.await(5, java.util.concurrent.TimeUnit.SECONDS)) {
            log.info("recreate to settings version {}: {} of {} done, {} still on an older version", version,
                    stale.size() - done.getCount(), stale.size(), meters.settingsDrift().get());
        }
        log.info("recreate to settings version {} finished: {} recreated in {} ms", version, recreated.get(),
                (System.nanoTime() - started) / 1_000_000);
        return recreated.get();
    }

    private List<UserId> staleRuntimes(long version) {
        Set<Integer> owned = ownedPartitions.get();
        List<UserId> stale = new ArrayList<>();
        if (owned.isEmpty()) {
            return stale;
        }
        int partitions = partitionCount.getAsInt();
        meters.dockerCall();
        for (Container c : docker.listContainersCmd().withStatusFilter(List.of("running"))
                .withLabelFilter(Map.of(ContainerSpec.LABEL_MANAGED, "true", ContainerSpec.LABEL_FLEET, fleet)).exec()) {
            UserId user = ContainerLabels.user(c.getLabels());
            if (user != null && owned.contains(Partitions.of(user, partitions))
                    && ContainerLabels.settingsVersion(c.getLabels()) < version) {
                stale.add(user);
            }
        }
        return stale;
    }
}
