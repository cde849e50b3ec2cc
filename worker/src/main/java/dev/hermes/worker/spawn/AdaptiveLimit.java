package dev.hermes.worker.spawn;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * The adaptive spawn limit: a hill climb on the throughput the engine gives (creates and starts per second), measured
 * at each limit. Latency alone cannot find the best limit of an engine that serialises part of its work: a wait in
 * the engine's queue lengthens every spawn whether or not more run at once. Throughput says what a limit buys.
 *
 * <p>A window is {@code max(4, 2 x limit)} spawns that began under the current limit with every slot taken; a spawn
 * that found a free slot measures the callers, not the engine, and starts the window again (so a quiet worker never
 * moves its limit). A window's throughput, by Little's law (mean spawns in flight / mean latency), is kept for that
 * limit (averaged with the last one). The best is the highest recent measure of any limit; recent is
 * {@link #FRESH} (30 s) or {@link #FRESH_WINDOWS} windows, whichever is longer. The limit moves one step (25 %, at
 * least 1):
 *
 * <ol>
 *   <li>towards the best limit (never past it), if this one was more than 5 % slower than the best;
 *   <li>else up, if the limit one step higher was as fast as the best (within 5 %) or was not measured recently; up
 *       to twice the limit in the first climb, until a limit is found slower than the best (a slow start: in a burst
 *       of 100, 25 % steps from 8 with windows of twice the limit reached 15 only by the last spawns);
 *   <li>else down, if the limit one step lower was not measured recently;
 *   <li>else it stays.
 * </ol>
 *
 * So the limit settles at the largest limit within 5 % of the best throughput. More at once is preferred when the
 * engine is as fast either way: a queue of spawns is served soonest so, and Docker here gains a little up to 32 at
 * once where a 10 % step cannot see it (preferring fewer let the limit sink, step by step, to 3 in a burst). Each
 * comparison is with the best, never only with the neighbour, so small steps cannot add up to a drift either way.
 * Under load it re-checks a neighbour once its measure is no longer recent. A limit whose throughput moved by more
 * than a third since it was last measured means the engine changed (another load, a slower disk): every other
 * measure is forgotten and the climb starts again from there: with a slow start if it got faster, with a step down if
 * it got slower.
 */
public final class AdaptiveLimit {
    /** The first limit: the fixed limit the worker had before it adapted. */
    public static final int INITIAL = 8;

    static final Duration FRESH = Duration.ofSeconds(30);
    /** A slow engine's windows take long: a measure is also fresh for this many windows after it. */
    static final int FRESH_WINDOWS = 6;

    private static final double STEP = 0.25;
    private static final double TOLERANCE = 0.05;
    private static final double CHANGED = 1.0 / 3;
    private static final int MIN_WINDOW = 4;

    private final int floor;
    private final int ceiling;
    private final Clock clock;
    private final TreeMap<Integer, Measure> measures = new TreeMap<>();
    private int limit;
    /** Until the first limit that was not as fast as the best: the first climb doubles. */
    private boolean slowStart = true;
    /** The engine just got slower (its measures were forgotten): the next step is down. */
    private boolean fell;

    private long epoch;
    private int samples;
    private long windows;
    private long latencySum;
    private double concurrencySum;

    private record Measure(double throughput, Instant at, long window) {}

    public AdaptiveLimit(int floor, int ceiling, Clock clock) {
        if (floor < 1 || ceiling < floor) {
            throw new IllegalArgumentException("spawn limit bounds must satisfy 1 <= floor <= ceiling, got floor "
                    + floor + " and ceiling " + ceiling);
        }
        this.floor = floor;
        this.ceiling = ceiling;
        this.clock = clock;
        this.limit = Math.max(floor, Math.min(ceiling, INITIAL));
    }

    public synchronized int limit() {
        return limit;
    }

    /** Changes with every limit change: a sample of a spawn that began under an older limit is not counted. */
    public synchronized long epoch() {
        return epoch;
    }

    /**
     * One create and start that held a slot.
     *
     * @param latencyNanos how long the create and start took
     * @param concurrency creates and starts running during it, its own included (the gate takes the mean of their
     *     number when it began and when it ended)
     * @param allTaken whether every slot was taken (or a spawn was waiting) when it began
     * @param startEpoch {@link #epoch()} when it began
     * @return the limit now
     */
    public synchronized int onSample(long latencyNanos, double concurrency, boolean allTaken, long startEpoch) {
        if (startEpoch != epoch || latencyNanos <= 0) {
            return limit;
        }
        if (!allTaken) {
            clearWindow(); // a free slot: the callers, not the engine, set the pace; measure from the next full one
            return limit;
        }
        samples++;
        latencySum += latencyNanos;
        concurrencySum += concurrency;
        if (samples < Math.max(MIN_WINDOW, 2 * limit)) {
            return limit;
        }
        double throughput = concurrencySum * 1e9 / latencySum;
        clearWindow();
        move(next(remember(throughput)));
        return limit;
    }

    private void clearWindow() {
        samples = 0;
        latencySum = 0;
        concurrencySum = 0;
    }

    private double remember(double throughput) {
        Instant now = clock.instant();
        Measure before = measures.get(limit);
        if (before != null && Math.abs(throughput - before.throughput()) > CHANGED * before.throughput()) {
            measures.clear(); // the engine changed: what other limits gave before says nothing now
            // faster: climb again as at first; slower: try fewer at once first
            slowStart = throughput > before.throughput();
            fell = !slowStart;
            before = null;
        }
        double smoothed = fresh(before, now) ? (before.throughput() + throughput) / 2 : throughput;
        measures.put(limit, new Measure(smoothed, now, ++windows));
        return smoothed;
    }

    private int next(double throughput) {
        Instant now = clock.instant();
        int step = Math.max(1, (int) Math.round(limit * STEP));
        // only a neighbour within one plain step counts: a gap between is a limit not measured yet
        Measure below =
                nearest(measures.subMap(limit - step, true, limit, false).descendingMap(), now);
        Measure above = nearest(measures.subMap(limit, false, limit + step, true), now);
        Map.Entry<Integer, Measure> best = best(now);
        double plateau = best.getValue().throughput() * (1 - TOLERANCE);
        int down = Math.max(floor, limit - step);
        int up = Math.min(ceiling, limit + step);
        if (fell) {
            fell = false;
            return down;
        }
        if (throughput < plateau) { // off the best: back towards it, never past it
            slowStart = false;
            return best.getKey() < limit ? Math.max(down, best.getKey()) : Math.min(up, best.getKey());
        }
        if (above == null || above.throughput() >= plateau) {
            // as fast as the best so far, or not known: more at once may be faster still; with nothing known above at
            // all, double (a burst of 100 would otherwise end before 25 % steps reached the engine's knee)
            return slowStart && unexplored(limit) ? Math.min(ceiling, Math.max(up, 2 * limit)) : up;
        }
        slowStart = false;
        return below == null ? down : limit;
    }

    private Map.Entry<Integer, Measure> best(Instant now) {
        Map.Entry<Integer, Measure> best = null;
        for (Map.Entry<Integer, Measure> entry : measures.entrySet()) {
            if (fresh(entry.getValue(), now)
                    && (best == null
                            || entry.getValue().throughput() > best.getValue().throughput())) {
                best = entry;
            }
        }
        return best;
    }

    /** No limit above {@code from} was measured yet (stale measures count too). */
    private boolean unexplored(int from) {
        return measures.tailMap(from, false).isEmpty();
    }

    private Measure nearest(Map<Integer, Measure> side, Instant now) {
        for (Measure measure : side.values()) {
            if (fresh(measure, now)) {
                return measure;
            }
        }
        return null;
    }

    private boolean fresh(Measure measure, Instant now) {
        return measure != null && (measure.at().plus(FRESH).isAfter(now) || windows - measure.window() < FRESH_WINDOWS);
    }

    private void move(int to) {
        if (to != limit) {
            limit = to;
            epoch++;
        }
    }
}
