package dev.hermes.ops.audit;

import dev.hermes.schemas.Event;
import dev.hermes.schemas.RuntimeFailed;
import dev.hermes.schemas.RuntimeReady;
import dev.hermes.schemas.RuntimeRecreated;
import dev.hermes.schemas.RuntimeResumed;
import dev.hermes.schemas.RuntimeSpawned;
import dev.hermes.schemas.RuntimeStarted;
import dev.hermes.schemas.RuntimeStopped;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Counts lifecycle events as they stream past and turns them into a {@link FleetSummary}. Not thread-safe. */
public final class FleetTally implements EventSink {
    public static final int TOP_USERS = 10;
    private final Map<String, long[]> byType = new HashMap<>();
    private final Map<String, long[]> failuresByReason = new HashMap<>();
    private final Map<String, long[]> stopsByReason = new HashMap<>();
    private final Map<Long, long[]> recreatesByVersion = new HashMap<>();
    private final Map<String, long[]> failuresByUser = new HashMap<>();
    private final MillisSample ensure = new MillisSample();
    private final MillisSample ensureCold = new MillisSample();
    private final MillisSample ensureWarm = new MillisSample();
    private final MillisSample create = new MillisSample();
    private final MillisSample start = new MillisSample();
    private final MillisSample health = new MillisSample();
    private long spawns;
    private long cold;
    private long warm;
    private long resumes;
    private final MillisSample resume = new MillisSample();

    @Override
    public void accept(Event event) {
        count(byType, event.type());
        if (event instanceof RuntimeSpawned spawned) {
            spawns++;
            create.add(spawned.createMs());
        } else if (event instanceof RuntimeStarted started) {
            start.add(started.startMs());
        } else if (event instanceof RuntimeReady ready) {
            ensure.add(ready.totalMs());
            if (ready.coldStart()) {
                cold++;
                ensureCold.add(ready.totalMs());
                health.add(ready.healthMs());
            } else {
                warm++;
                ensureWarm.add(ready.totalMs());
            }
        } else if (event instanceof RuntimeFailed failed) {
            count(failuresByReason, failed.reason().name());
            count(failuresByUser, failed.userId().value());
        } else if (event instanceof RuntimeStopped stopped) {
            count(stopsByReason, stopped.reason().name());
        } else if (event instanceof RuntimeResumed resumed) {
            resumes++;
            resume.add(resumed.resumeMs());
        } else if (event instanceof RuntimeRecreated recreated) {
            count(recreatesByVersion, recreated.settingsVersion());
        }
    }

    public FleetSummary summary(String topic, ReplayScope scope, ReplayStats replay) {
        return new FleetSummary(
                topic,
                scope.since(),
                scope.until(),
                replay,
                sorted(byType),
                spawns,
                cold,
                warm,
                sorted(failuresByReason),
                sorted(stopsByReason),
                sorted(recreatesByVersion),
                new FleetSummary.Timings(
                        ensure.percentiles(),
                        ensureCold.percentiles(),
                        ensureWarm.percentiles(),
                        create.percentiles(),
                        start.percentiles(),
                        health.percentiles()),
                topFailingUsers(),
                resumes,
                resume.percentiles());
    }

    /** Most failures first; ties by user id, so the list is stable. */
    private List<UserCount> topFailingUsers() {
        return failuresByUser.entrySet().stream()
                .map(e -> new UserCount(e.getKey(), e.getValue()[0]))
                .sorted(Comparator.comparingLong(UserCount::count).reversed().thenComparing(UserCount::userId))
                .limit(TOP_USERS)
                .toList();
    }

    private static <K> void count(Map<K, long[]> counts, K key) {
        counts.computeIfAbsent(key, k -> new long[1])[0]++;
    }

    private static <K extends Comparable<K>> SortedMap<K, Long> sorted(Map<K, long[]> counts) {
        TreeMap<K, Long> sorted = new TreeMap<>();
        counts.forEach((k, v) -> sorted.put(k, v[0]));
        return Collections.unmodifiableSortedMap(sorted);
    }
}
