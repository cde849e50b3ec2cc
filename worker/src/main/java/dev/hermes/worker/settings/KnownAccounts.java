package dev.hermes.worker.settings;

import dev.hermes.admin.DatabaseUnavailableException;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.config.Admission;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * HERMES_ADMISSION in memory: with {@code known-accounts}, which families may have a runtime. The set is loaded
 * once at start and grown by the {@link AccountWatcher}, so an admitted family never costs a database call; a
 * family not in it is looked up once, and a miss is remembered for {@code missTtl} so that a producer naming
 * random ids cannot turn every record into a query.
 */
public final class KnownAccounts {
    private static final int MAX_MISSES = 100_000;
    private final Admission admission;
    private final Supplier<Set<UserId>> all;
    private final Predicate<UserId> lookup;
    private final Clock clock;
    private final Duration missTtl;
    private final Set<UserId> known = ConcurrentHashMap.newKeySet();
    private final Map<UserId, Instant> misses = new ConcurrentHashMap<>();

    /**
     * @param all every family with an account (read once, by {@link #load})
     * @param lookup whether one family has an account (read on a miss)
     */
    public KnownAccounts(
            Admission admission, Supplier<Set<UserId>> all, Predicate<UserId> lookup, Clock clock, Duration missTtl) {
        this.admission = admission;
        this.all = all;
        this.lookup = lookup;
        this.clock = clock;
        this.missTtl = missTtl;
    }

    /** Admits every family and never reads the database. */
    public static KnownAccounts any() {
        return new KnownAccounts(Admission.ANY, Set::of, u -> true, Clock.systemUTC(), Duration.ZERO);
    }

    /** Reads every account id (only with {@code known-accounts}); returns how many are known. */
    public int load() {
        if (admission == Admission.KNOWN_ACCOUNTS) {
            known.addAll(all.get());
        }
        return known.size();
    }

    /** The family has an account now (the watcher stored one). */
    public void add(UserId user) {
        if (admission == Admission.KNOWN_ACCOUNTS) {
            known.add(user);
            misses.remove(user);
        }
    }

    /**
     * Whether {@code user} may have a runtime.
     *
     * @throws DatabaseUnavailableException when a lookup is needed and the database cannot answer
     */
    public boolean admits(UserId user) {
        if (admission == Admission.ANY || known.contains(user)) {
            return true;
        }
        Instant now = clock.instant();
        Instant missedAt = misses.get(user);
        if (missedAt != null && missedAt.plus(missTtl).isAfter(now)) {
            return false;
        }
        boolean found;
        try {
            found = lookup.test(user);
        } catch (RuntimeException e) {
            throw new DatabaseUnavailableException(
                    "cannot tell whether user " + user + " has an account: "
                            + e.getClass().getSimpleName(),
                    e);
        }
        if (found) {
            add(user);
            return true;
        }
        if (misses.size() >= MAX_MISSES) {
            misses.clear();
        }
        misses.put(user, now);
        return false;
    }

    public Admission admission() {
        return admission;
    }
}
