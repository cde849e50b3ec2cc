package dev.hermes.ops.recreate;

import dev.hermes.schemas.UserId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * How far a fleet-wide recreate onto {@code targetVersion} has got, from one list of the fleet's containers: a
 * container is done when it runs on the target version (or a newer one) or does not run at all (paused or stopped:
 * the worker replaces a stale one when the family is next ensured, see {@link FleetContainer.State}); it is stuck
 * while it runs on an older version. A family being recreated has no container for a moment (rm -f, then create):
 * {@code recreating} names the families the caller saw stuck before and cannot see now; they count as stuck on
 * version -1 (unknown) until they reappear. The convergence logic of {@code settings set --wait}, reusable by
 * anything that shows recreate progress.
 *
 * @param done containers on the target version or newer, paused or stopped
 * @param total every container listed plus the recreating families without one
 * @param deferred of {@code done}, the paused or stopped ones still on an older version
 * @param stuck running on an older version (or recreating), ordered by version then family
 */
public record RecreateProgress(long targetVersion, int done, int total, int deferred, List<Stuck> stuck) {
    /** The version of a family that is being recreated and has no container right now. */
    public static final long UNKNOWN_VERSION = -1;

    /** A family whose runtime still runs on {@code settingsVersion}. */
    public record Stuck(UserId user, long settingsVersion) {}

    public RecreateProgress {
        stuck = List.copyOf(stuck);
    }

    public static RecreateProgress of(Collection<FleetContainer> containers, long targetVersion) {
        return of(containers, targetVersion, Set.of());
    }

    public static RecreateProgress of(
            Collection<FleetContainer> containers, long targetVersion, Set<UserId> recreating) {
        int done = 0;
        int deferred = 0;
        List<Stuck> stuck = new ArrayList<>();
        Set<UserId> listed = new HashSet<>();
        for (FleetContainer container : containers) {
            listed.add(container.user());
            boolean current = container.settingsVersion() >= targetVersion;
            if (current || container.state() != FleetContainer.State.RUNNING) {
                done++;
                deferred += current ? 0 : 1;
            } else {
                stuck.add(new Stuck(container.user(), container.settingsVersion()));
            }
        }
        for (UserId user : recreating) {
            if (!listed.contains(user)) {
                stuck.add(new Stuck(user, UNKNOWN_VERSION));
            }
        }
        stuck.sort(Comparator.comparingLong(Stuck::settingsVersion)
                .thenComparing(s -> s.user().value()));
        return new RecreateProgress(targetVersion, done, done + stuck.size(), deferred, stuck);
    }

    /** Every runtime runs on the target version or does not run. */
    public boolean converged() {
        return stuck.isEmpty();
    }

    /** How many stuck families run on each older version, oldest first. */
    public Map<Long, Integer> stuckByVersion() {
        Map<Long, Integer> byVersion = new TreeMap<>();
        stuck.forEach(s -> byVersion.merge(s.settingsVersion(), 1, Integer::sum));
        return byVersion;
    }
}
