package dev.hermes.worker.runtime;

import dev.hermes.schemas.UserId;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The runtimes this worker knows to be running and healthy, by family. A warm ensure is answered from
 * here with no Docker call; the Docker event stream removes an entry the moment its container dies.
 * Paused runtimes (tiered idle, RUNTIME_PAUSE) are kept apart in the paused set: a warm answer never
 * hands one out, an ensure resumes it first.
 */
public final class RuntimeRegistry {
    private final Map<UserId, Runtime> byUser = new ConcurrentHashMap<>();
    /** Runtimes taken out of the warm set as hung, whose container is still to be removed on the family's lane. */
    private final Map<UserId, Runtime> unhealthy = new ConcurrentHashMap<>();
    /** Runtimes whose container is paused (frozen, memory kept), by family; never in the warm set at once. */
    private final Map<UserId, PausedRuntime> paused = new ConcurrentHashMap<>();

    private volatile boolean unverified;

    public Optional<Runtime> get(UserId userId) {
        return Optional.ofNullable(byUser.get(userId));
    }

    /** The runtime, or null: for the per-heartbeat path, which allocates nothing it can avoid. */
    public Runtime find(UserId userId) {
        return byUser.get(userId);
    }

    public void put(Runtime runtime) {
        byUser.put(runtime.userId(), runtime);
    }

    public void remove(UserId userId) {
        byUser.remove(userId);
    }

    /**
     * Called from the Docker event stream: the container died, stopped or was removed. The event names the
     * family (its user-id label), so no index by container id is kept: at 100k families it would cost
     * more memory than the runtimes themselves. Without the label, every runtime is searched.
     */
    public Optional<Runtime> containerGone(UserId userId, String containerId) {
        Runtime current = userId != null
                ? byUser.get(userId)
                : byUser.values().stream()
                        .filter(r -> r.containerId().equals(containerId))
                        .findFirst()
                        .orElse(null);
        if (current != null && current.containerId().equals(containerId) && byUser.remove(current.userId(), current)) {
            return Optional.of(current);
        }
        // a paused runtime that dies was serving nobody: it only leaves the paused set
        paused.values().removeIf(p -> p.runtime().containerId().equals(containerId));
        return Optional.empty();
    }

    /**
     * Moves the family's runtime from the warm set to the paused set (its container was or is being paused at
     * {@code at}); one paused already keeps its first pause time. Returns whether the family has a paused runtime now.
     */
    public boolean pause(UserId userId, String containerId, Instant at) {
        Runtime warm = byUser.get(userId);
        if (warm != null && warm.containerId().equals(containerId) && byUser.remove(userId, warm)) {
            paused.putIfAbsent(userId, new PausedRuntime(warm, at));
        }
        PausedRuntime known = paused.get(userId);
        return known != null && known.runtime().containerId().equals(containerId);
    }

    /**
     * Puts a runtime found paused (after a rebalance) into the paused set, unless the family is warm or paused here
     * already (an ensure that adopted it first wins).
     */
    public void restorePaused(PausedRuntime runtime) {
        UserId user = runtime.runtime().userId();
        if (!byUser.containsKey(user)) {
            paused.putIfAbsent(user, runtime);
        }
    }

    /** The family's paused runtime, or null. */
    public PausedRuntime findPaused(UserId userId) {
        return paused.get(userId);
    }

    /** The family's paused runtime, or null; it is no longer in the paused set (a resume or a stop took it). */
    public PausedRuntime takePaused(UserId userId) {
        return paused.remove(userId);
    }

    /** Takes {@code runtime} out of the paused set if it is still the family's paused one. */
    public boolean removePaused(PausedRuntime runtime) {
        return paused.remove(runtime.runtime().userId(), runtime);
    }

    public Collection<PausedRuntime> allPaused() {
        return paused.values();
    }

    public int pausedCount() {
        return paused.size();
    }

    public void removeIf(Predicate<UserId> predicate) {
        byUser.keySet().stream().filter(predicate).toList().forEach(this::remove);
        unhealthy.keySet().removeIf(predicate);
        paused.keySet().removeIf(predicate);
    }

    public void clear() {
        byUser.clear();
        unhealthy.clear();
        paused.clear();
    }

    /**
     * Takes {@code runtime} out of the warm set as hung, if it is still the family's runtime; its container is then
     * removed by whoever next holds the family's lane ({@link #takeUnhealthy}). Returns whether it was taken out.
     */
    public boolean markUnhealthy(Runtime runtime) {
        if (!byUser.remove(runtime.userId(), runtime)) {
            return false;
        }
        unhealthy.put(runtime.userId(), runtime);
        return true;
    }

    /** The family's runtime marked hung whose container is still to be removed, or null; it is no longer marked. */
    public Runtime takeUnhealthy(UserId userId) {
        return unhealthy.remove(userId);
    }

    /**
     * Whether the warm set may hold a runtime whose death was missed: set while the Docker event stream is broken,
     * cleared once the running containers were listed and the warm set reconciled. Meanwhile a warm answer is
     * checked against Docker first.
     */
    public boolean unverified() {
        return unverified;
    }

    public void unverified(boolean value) {
        unverified = value;
    }

    public Collection<Runtime> all() {
        return byUser.values();
    }

    public int size() {
        return byUser.size();
    }
}
