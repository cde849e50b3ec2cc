package dev.hermes.worker.activity;

import dev.hermes.schemas.EventIds;
import dev.hermes.schemas.LastActive;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.kafka.EventPublisher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The last activity of every family on the partitions this worker owns. Activity is written to the
 * compacted last-active topic, on the same partition number as the request, at most once per write
 * interval per family: a heartbeat every 30 s does not become a write every 30 s.
 *
 * <p>Each family has one small mutable entry, updated in place: a worker tracking 100k families at
 * 100k heartbeats a second allocates nothing here for a merged heartbeat.
 *
 * <p>With several Docker hosts each write carries the family's host (its placement now, else the host the topic last
 * named), so a new owner knows where a family lives even while that host does not answer. The host is looked up at
 * each write and, until the family is placed, at each activity: a new family's host is written as soon as it is
 * placed, whatever the interval; a moved family's new host with the next write.
 */
public final class ActivityTracker {
    private static final long NEVER = Long.MIN_VALUE;
    private static final CompletableFuture<Void> MERGED = CompletableFuture.completedFuture(null);
    private final EventPublisher publisher;
    private final Clock clock;
    private final long writeIntervalMillis;
    private final Function<UserId, String> hostOf;
    private final Map<UserId, Entry> byUser = new ConcurrentHashMap<>();

    /** What is known of one family: its last activity and its partition. */
    public record Activity(Instant lastActiveAt, int partition) {}

    private static final class Entry {
        long lastActiveMillis;
        long writtenMillis = NEVER;
        int partition;
        String host;
        /** The host the topic holds for the family (as last written or restored). */
        String writtenHost;

        Entry(int partition, long lastActiveMillis) {
            this.partition = partition;
            this.lastActiveMillis = lastActiveMillis;
        }
    }

    public ActivityTracker(EventPublisher publisher, Clock clock, Duration writeInterval) {
        this(publisher, clock, writeInterval, user -> null);
    }

    /** @param hostOf the Docker host the family is placed on now, or null (one engine, or not placed) */
    public ActivityTracker(
            EventPublisher publisher, Clock clock, Duration writeInterval, Function<UserId, String> hostOf) {
        this.publisher = publisher;
        this.clock = clock;
        this.writeIntervalMillis = writeInterval.toMillis();
        this.hostOf = hostOf;
    }

    /**
     * Records activity now, by the worker's clock: what a received request or heartbeat means. A producer whose
     * clock is behind cannot make an active family look idle.
     */
    public CompletableFuture<Void> touchNow(UserId userId, int partition, String source) {
        return touch(userId, partition, clock.millis(), source);
    }

    /** Records activity; returns the pending write, or a completed future when it was merged away. */
    public CompletableFuture<Void> touch(UserId userId, int partition, Instant at, String source) {
        return touch(userId, partition, at.toEpochMilli(), source);
    }

    private CompletableFuture<Void> touch(UserId userId, int partition, long atMillis, String source) {
        long now = clock.millis();
        long activeAt = Math.min(atMillis, now);
        Entry entry = entryOf(userId, partition, activeAt);
        long lastActive;
        String host;
        synchronized (entry) {
            entry.partition = partition;
            entry.lastActiveMillis = Math.max(entry.lastActiveMillis, activeAt);
            boolean due = entry.writtenMillis == NEVER || now - entry.writtenMillis >= writeIntervalMillis;
            // the host is looked up only for a write, or until the family is placed: a merged heartbeat of a placed
            // family allocates nothing
            if (due || entry.host == null) {
                String placed = hostOf.apply(userId);
                if (placed != null) {
                    entry.host = placed;
                }
            }
            // a host the topic does not hold yet (a new family, once placed) is written at once
            boolean newHost = entry.host != null && !entry.host.equals(entry.writtenHost);
            if (!newHost && !due) {
                return MERGED;
            }
            entry.writtenMillis = now;
            lastActive = entry.lastActiveMillis;
            host = entry.host;
            entry.writtenHost = host;
        }
        return publisher.lastActive(
                partition,
                new LastActive(
                        EventIds.next(),
                        Instant.ofEpochMilli(now),
                        userId,
                        Instant.ofEpochMilli(lastActive),
                        source,
                        host));
    }

    /** State restored from the compacted topic; never moves activity backwards. */
    public void restored(UserId userId, int partition, Instant lastActiveAt) {
        restored(userId, partition, lastActiveAt, null);
    }

    /** As {@link #restored(UserId, int, Instant)}, with the host the record names (null: none). */
    public void restored(UserId userId, int partition, Instant lastActiveAt, String host) {
        long at = lastActiveAt.toEpochMilli();
        Entry entry = entryOf(userId, partition, at);
        synchronized (entry) {
            if (host != null) {
                entry.host = host;
                entry.writtenHost = host;
            }
            entry.partition = partition;
            entry.lastActiveMillis = Math.max(entry.lastActiveMillis, at);
            // what the topic holds counts as written: the next activity within the interval is merged
            entry.writtenMillis = Math.max(entry.writtenMillis, at);
        }
    }

    private Entry entryOf(UserId userId, int partition, long lastActiveMillis) {
        Entry entry = byUser.get(userId);
        if (entry == null) {
            Entry fresh = new Entry(partition, lastActiveMillis);
            entry = byUser.putIfAbsent(userId, fresh);
            return entry == null ? fresh : entry;
        }
        return entry;
    }

    public void forget(UserId userId) {
        byUser.remove(userId);
    }

    public void releasePartitions(Set<Integer> partitions) {
        byUser.values().removeIf(entry -> partitions.contains(entry.partition));
    }

    /** A snapshot of the family's activity, or null if none is known. */
    public Activity get(UserId userId) {
        Entry entry = byUser.get(userId);
        if (entry == null) {
            return null;
        }
        synchronized (entry) {
            return new Activity(Instant.ofEpochMilli(entry.lastActiveMillis), entry.partition);
        }
    }

    /** The Docker host the family was last known on (placed when written, or named by the topic), or null. */
    public String lastHost(UserId userId) {
        Entry entry = byUser.get(userId);
        if (entry == null) {
            return null;
        }
        synchronized (entry) {
            return entry.host;
        }
    }

    public int size() {
        return byUser.size();
    }
}
