package dev.hermes.worker.spawn;

import dev.hermes.schemas.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Crash-loop backoff per family: after {@code after} failed spawns in a row (the agent never became healthy, or its
 * container exited while booting) the family is refused at once ({@link CrashLoopException}) until a backoff expires,
 * {@code minBackoff} doubling with each failed retry up to {@code maxBackoff}. After the backoff one try is made; a
 * success forgets the family. Failures that are not the agent's (capacity, a fleet conflict, an unknown family, a
 * settings outage, Docker itself) do not count.
 *
 * <p>Held in memory by the worker that owns the family: a worker that gains the partition starts afresh. A family
 * that never failed has no entry, so the warm path costs nothing.
 */
public final class CrashLoopGuard {
    private static final int PRUNE_ABOVE = 1024;
    private final int after;
    private final Duration minBackoff;
    private final Duration maxBackoff;
    private final Clock clock;
    private final Map<UserId, Failures> families = new ConcurrentHashMap<>();

    /** The family has just entered (or re-entered) its backoff after {@code failures} failed spawns in a row. */
    public record Backoff(int failures, Duration length) {}

    /** One family's failures in a row; {@code until} and {@code backoff} are null before the family is in a loop. */
    private record Failures(int inARow, Instant last, Instant until, Duration backoff) {}

    public CrashLoopGuard(int after, Duration minBackoff, Duration maxBackoff, Clock clock) {
        if (after < 1 || minBackoff.isNegative() || maxBackoff.compareTo(minBackoff) < 0) {
            throw new IllegalArgumentException(
                    "crash-loop policy: after=" + after + ", backoff " + minBackoff + ".." + maxBackoff);
        }
        this.after = after;
        this.minBackoff = minBackoff;
        this.maxBackoff = maxBackoff;
        this.clock = clock;
    }

    /** A guard that never refuses: for tests and tools that want every failure to be tried again. */
    public static CrashLoopGuard off() {
        return new CrashLoopGuard(Integer.MAX_VALUE, Duration.ZERO, Duration.ZERO, Clock.systemUTC());
    }

    /** Whether {@code failure} (an ensure's cause) is the family's agent failing, and so counts towards a loop. */
    public static boolean counts(Throwable failure) {
        return failure instanceof HealthTimeoutException || failure instanceof ContainerExitedException;
    }

    /**
     * @throws CrashLoopException if the family is in its backoff
     */
    public void check(UserId user) {
        Failures f = families.get(user);
        if (f == null || f.until() == null) {
            return;
        }
        Duration left = Duration.between(clock.instant(), f.until());
        if (!left.isNegative() && !left.isZero()) {
            throw new CrashLoopException(
                    user, f.inARow(), left.compareTo(Duration.ofMillis(1)) < 0 ? Duration.ofMillis(1) : left);
        }
    }

    /**
     * Counts a failed spawn of the family.
     *
     * @return the backoff the family has just entered, or empty while it is still under the threshold
     */
    public Optional<Backoff> failed(UserId user) {
        Instant now = clock.instant();
        if (families.size() > PRUNE_ABOVE) {
            prune(now);
        }
        Failures f = families.compute(user, (u, before) -> {
            int inARow = before == null ? 1 : before.inARow() + 1;
            if (inARow < after) {
                return new Failures(inARow, now, null, null);
            }
            Duration backoff = before == null || before.backoff() == null ? minBackoff : twice(before.backoff());
            return new Failures(inARow, now, now.plus(backoff), backoff);
        });
        return f.backoff() == null ? Optional.empty() : Optional.of(new Backoff(f.inARow(), f.backoff()));
    }

    /** The family's runtime became healthy: its failures are forgotten. */
    public void succeeded(UserId user) {
        families.remove(user);
    }

    /** Families refused right now. */
    public int inBackoff() {
        Instant now = clock.instant();
        return (int) families.values().stream()
                .filter(f -> f.until() != null && f.until().isAfter(now))
                .count();
    }

    private Duration twice(Duration backoff) {
        Duration doubled = backoff.multipliedBy(2);
        return doubled.compareTo(maxBackoff) > 0 ? maxBackoff : doubled;
    }

    /** Forgets families whose last failure is older than the longest backoff twice: they were not seen since. */
    private void prune(Instant now) {
        Instant before = now.minus(maxBackoff.multipliedBy(2));
        families.values()
                .removeIf(f -> f.last().isBefore(before)
                        && (f.until() == null || f.until().isBefore(now)));
    }
}
