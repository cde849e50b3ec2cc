package dev.hermes.worker.lifecycle;

import dev.hermes.schemas.UserId;
import dev.hermes.worker.audit.LifecycleAudit;
import dev.hermes.worker.kafka.Partitions;
import dev.hermes.worker.lanes.KeyedExecutor;
import dev.hermes.worker.spawn.EnsureFailedException;
import dev.hermes.worker.spawn.Ensurer;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a family's account was stored: if this worker owns the family's partition, its running runtime is
 * recreated through the family's lane when its config hash (which covers the identity block) is not today's,
 * audited as RuntimeStopped ACCOUNT_UPDATED and RuntimeRecreated. At most {@code concurrency} at once; the
 * caller (the accounts watcher's thread) waits for a slot.
 */
public final class AccountRecreator {
    private static final Logger log = LoggerFactory.getLogger(AccountRecreator.class);
    private final FleetScope scope;
    private final KeyedExecutor<UserId> lanes;
    private final Ensurer ensurer;
    private final LifecycleAudit audit;
    private final Semaphore permits;
    /** Families whose recreate failed (old runtime left serving), with the update that asked for it. */
    private final Map<UserId, UUID> failed = new ConcurrentHashMap<>();

    public AccountRecreator(
            FleetScope scope, KeyedExecutor<UserId> lanes, Ensurer ensurer, LifecycleAudit audit, int concurrency) {
        this.scope = scope;
        this.lanes = lanes;
        this.ensurer = ensurer;
        this.audit = audit;
        this.permits = new Semaphore(concurrency);
    }

    /**
     * Queues the check again for every family whose recreate failed (periodically: a recreate that failed before
     * removing anything left the old runtime serving); returns how many were queued.
     */
    public int retryFailed() {
        int queued = 0;
        for (UserId user : Set.copyOf(failed.keySet())) {
            UUID causationId = failed.remove(user);
            if (causationId != null && accountChanged(user, causationId)) {
                queued++;
            }
        }
        return queued;
    }

    /** Queues the check on the family's lane if this worker owns it; returns whether it was queued. */
    public boolean accountChanged(UserId user, UUID causationId) {
        Set<Integer> owned = scope.ownedPartitions().get();
        if (owned.isEmpty()
                || !owned.contains(Partitions.of(user, scope.partitionCount().getAsInt()))) {
            return false;
        }
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        lanes.submit(user, () -> {
            try {
                ensurer.recreateIfIdentityChanged(user).ifPresent(outcome -> {
                    audit.record(user, causationId, outcome.facts());
                    log.info("runtime of user={} recreated with its new account", user);
                });
                failed.remove(user);
            } catch (EnsureFailedException e) {
                audit.record(user, causationId, e.factsSoFar());
                failed.put(user, causationId);
                log.warn(
                        "recreate of user={} after an account update failed (retried later): {}", user, e.getMessage());
            } catch (RuntimeException e) {
                failed.put(user, causationId);
                log.warn(
                        "recreate of user={} after an account update failed (retried later): {}", user, e.getMessage());
            } finally {
                permits.release();
            }
        });
        return true;
    }
}
