package dev.hermes.worker.reaper;

import dev.hermes.schemas.EventIds;
import dev.hermes.schemas.LastActive;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.reply.EventPublisher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last activity of every family on the partitions this worker owns. Activity is written to the
 * compacted last-active topic, on the same partition number as the request, at most once per write
 * interval per family: a heartbeat every 30 s does not become a write every 30 s.
 */
public final class ActivityTracker {
    private final EventPublisher publisher;
    private final Clock clock;
    private final Duration writeInterval;
    private final Map<UserId, Activity> byUser = new ConcurrentHashMap<>();

    /** What is known of one family: last activity, when it was last written, and its partition. */
    public record Activity(Instant lastActiveAt, Instant writtenAt, int partition) {
    }

    public ActivityTracker(EventPublisher publisher, Clock clock, Duration writeInterval) {
        this.publisher = publisher;
        this.clock = clock;
        this.writeInterval = writeInterval;
    }

    /** Records activity; returns the pending write, or a completed future when it was merged away. */
    public CompletableFuture<Void> touch(UserId userId, int partition, Instant at, String source) {
        Instant now = clock.instant();
        Instant activeAt = at.isAfter(now) ? now : at;
        boolean[] write = {false};
        byUser.compute(userId, (id, old) -> {
            Instant last = old == null || activeAt.isAfter(old.lastActiveAt()) ? activeAt : old.lastActiveAt();
            boolean due = old == null || old.writtenAt() == null
                    || !now.isBefore(old.writtenAt().plus(writeInterval));
            write[0] = due;
            return new Activity(last, due ? now : old.writtenAt(), partition);
        });
        if (!write[0]) {
            return CompletableFuture.completedFuture(null);
        }
        Activity current = byUser.get(userId);
        return publisher.lastActive(partition, new LastActive(EventIds.next(), now, userId,
                current.lastActiveAt(), source));
    }

    /** State restored from the compacted topic; never moves activity backwards. */
    public void restored(UserId userId, int partition, Instant lastActiveAt) {
        byUser.merge(userId, new Activity(lastActiveAt, lastActiveAt, partition), (old, fresh) ->
                fresh.lastActiveAt().isAfter(old.lastActiveAt()) ? fresh : old);
    }

    public void forget(UserId userId) {
        byUser.remove(userId);
    }

    public void releasePartitions(Set<Integer> partitions) {
        byUser.values().removeIf(a -> partitions.contains(a.partition()));
    }

    public Activity get(UserId userId) {
        return byUser.get(userId);
    }

    public Map<UserId, Activity> all() {
        return byUser;
    }

    public int size() {
        return byUser.size();
    }
}
