package dev.hermes.ops.status;

import dev.hermes.admin.KafkaAccess;
import dev.hermes.admin.LastActivity;
import dev.hermes.ops.audit.AuditReader;
import dev.hermes.ops.audit.ReplayConsumers;
import dev.hermes.ops.audit.ReplayProgress;
import dev.hermes.ops.audit.ReplayScope;
import dev.hermes.schemas.EventCodec;
import dev.hermes.schemas.LastActive;
import dev.hermes.schemas.Topics;
import dev.hermes.schemas.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;

/**
 * The fleet as `status` and the console show it: lists every engine's managed containers, reads the
 * last-active topic and the whole events topic, and describes the workers' group, all at once and each in
 * bulk, then joins them ({@link StatusAssembly}). Read-only: no group is joined, nothing is written.
 */
public final class FleetStatus {
    private final List<Engine> engines;
    private final KafkaAccess kafka;
    private final Topics topics;
    private final String fleet;
    private final Clock clock;

    /** {@code fleet}: the workers' consumer group, which is also the {@code hermes.fleet} label of their containers. */
    public FleetStatus(List<Engine> engines, KafkaAccess kafka, Topics topics, String fleet, Clock clock) {
        this.engines = List.copyOf(engines);
        this.kafka = kafka;
        this.topics = topics;
        this.fleet = fleet;
        this.clock = clock;
    }

    public List<RuntimeStatus> read() {
        return StatusAssembly.assemble(inputs(), clock.instant());
    }

    /** The fleet's inputs, read in parallel. */
    public FleetInputs inputs() {
        ExecutorService pool = Executors.newFixedThreadPool(3 + engines.size());
        try {
            List<CompletableFuture<List<EngineContainer>>> listings = new ArrayList<>();
            for (Engine engine : engines) {
                listings.add(async(pool, "engine " + engine.name(), () -> engine.containers(fleet)));
            }
            CompletableFuture<Map<UserId, LastActive>> lastActive =
                    async(pool, topics.lastActive(), () -> new LastActivity(kafka, clock).latest(topics));
            CompletableFuture<AuditDigest> audit = async(pool, topics.events(), this::digest);
            CompletableFuture<PartitionOwners> owners = async(pool, "group " + fleet, this::owners);
            List<EngineContainer> containers = new ArrayList<>();
            for (CompletableFuture<List<EngineContainer>> listing : listings) {
                containers.addAll(join(listing));
            }
            Map<UserId, Instant> at = new HashMap<>();
            Map<UserId, String> hosts = new HashMap<>();
            join(lastActive).forEach((user, last) -> {
                at.put(user, last.lastActiveAt());
                if (last.host() != null) {
                    hosts.put(user, last.host());
                }
            });
            return new FleetInputs(containers, at, join(audit).facts(), join(owners), hosts);
        } finally {
            pool.shutdownNow();
        }
    }

    private AuditDigest digest() {
        AuditDigest digest = new AuditDigest();
        EventCodec codec = new EventCodec();
        new AuditReader(new ReplayConsumers(kafka), () -> codec::decode, clock)
                .replay(topics.events(), ReplayScope.fleet(null, null), digest, ReplayProgress.silent());
        return digest;
    }

    private PartitionOwners owners() {
        try (Admin admin = kafka.openAdmin("hermes-status")) {
            return WorkerOwners.read(admin, topics.requests(), fleet);
        }
    }

    private static <T> CompletableFuture<T> async(ExecutorService pool, String source, Supplier<T> read) {
        return CompletableFuture.supplyAsync(read, pool)
                .exceptionallyCompose(e -> CompletableFuture.failedFuture(new StatusSourceFailedException(
                        "cannot read " + source + ": " + cause(e).getMessage(), cause(e))));
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof StatusSourceFailedException s ? s : e;
        }
    }

    private static Throwable cause(Throwable e) {
        return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    }
}
