package dev.hermes.worker.runtime;

import dev.hermes.schemas.UserId;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The runtimes this worker knows to be running and healthy, by family. A warm ensure is answered from
 * here with no Docker call; the Docker event stream removes an entry the moment its container dies.
 */
public final class RuntimeRegistry {
    private final Map<UserId, Runtime> byUser = new ConcurrentHashMap<>();
    private final Map<String, UserId> byContainer = new ConcurrentHashMap<>();

    public Optional<Runtime> get(UserId userId) {
        return Optional.ofNullable(byUser.get(userId));
    }

    /** The runtime, or null: for the per-heartbeat path, which allocates nothing it can avoid. */
    public Runtime find(UserId userId) {
        return byUser.get(userId);
    }

    public void put(Runtime runtime) {
        Runtime previous = byUser.put(runtime.userId(), runtime);
        if (previous != null && !previous.containerId().equals(runtime.containerId())) {
            byContainer.remove(previous.containerId(), runtime.userId());
        }
        byContainer.put(runtime.containerId(), runtime.userId());
    }

    public void remove(UserId userId) {
        Runtime removed = byUser.remove(userId);
        if (removed != null) {
            byContainer.remove(removed.containerId(), userId);
        }
    }

    /** Called from the Docker event stream: the container died, stopped or was removed. */
    public Optional<Runtime> containerGone(String containerId) {
        UserId userId = byContainer.remove(containerId);
        if (userId == null) {
            return Optional.empty();
        }
        Runtime current = byUser.get(userId);
        if (current != null && current.containerId().equals(containerId)) {
            byUser.remove(userId, current);
            return Optional.of(current);
        }
        return Optional.empty();
    }

    public void removeIf(Predicate<UserId> predicate) {
        byUser.keySet().stream().filter(predicate).toList().forEach(this::remove);
    }

    public void clear() {
        byUser.clear();
        byContainer.clear();
    }

    public Collection<Runtime> all() {
        return byUser.values();
    }

    public int size() {
        return byUser.size();
    }
}
