package dev.hermes.worker.settings;

import dev.hermes.admin.Account;
import dev.hermes.admin.DatabaseUnavailableException;
import dev.hermes.admin.GlobalSettings;
import dev.hermes.admin.SettingsStore;
import dev.hermes.schemas.UserId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The current global settings and the accounts read so far, in memory, so a warm ensure never touches the database
 * and a cold one goes on while it is down. Refreshed on SettingsChanged, by a periodic version check and by
 * {@link #probe()}. After a failed read the database counts as down ({@link #outage()}): spawn-path reads then use
 * the last values read and make no database call (each would wait out the pool's connection timeout) until a
 * {@link #probe()} reaches it again.
 */
public final class SettingsCache {
    private static final Logger log = LoggerFactory.getLogger(SettingsCache.class);
    private final SettingsSource store;
    private final AtomicReference<GlobalSettings> current = new AtomicReference<>();
    private final Map<UserId, Account> accounts = new ConcurrentHashMap<>();
    private volatile String outage;

    public SettingsCache(SettingsStore store) {
        this(SettingsSource.of(store));
    }

    public SettingsCache(SettingsSource source) {
        this.store = source;
    }

    /**
     * Reloads from the database, unless it is known to be down; returns the settings now in force (the cached ones if
     * it is down).
     *
     * @throws DatabaseUnavailableException when it is down and no settings were ever read
     */
    public GlobalSettings refresh() {
        GlobalSettings known = current.get();
        if (outage != null && known != null) {
            return known;
        }
        try {
            GlobalSettings loaded = store.current();
            current.accumulateAndGet(
                    loaded, (old, fresh) -> old == null || fresh.version() >= old.version() ? fresh : old);
            reachable();
        } catch (RuntimeException e) {
            unreachable(e);
            if (current.get() == null) {
                throw new DatabaseUnavailableException("global settings are unavailable: " + e.getMessage(), e);
            }
        }
        return current.get();
    }

    /**
     * Whether the database answers now (one read, whether or not it is known to be down): the periodic check that
     * marks it down or up. The settings read are not kept: new settings reach the runtimes through the campaign.
     */
    public boolean probe() {
        try {
            store.current();
            reachable();
            return true;
        } catch (RuntimeException e) {
            unreachable(e);
            return false;
        }
    }

    public GlobalSettings current() {
        GlobalSettings settings = current.get();
        return settings != null ? settings : refresh();
    }

    /**
     * The family's account: read from the database, or while it is down the last one read (empty if none was: the
     * identity block in the family's volume is then left as it is).
     */
    public Optional<Account> account(UserId userId) {
        return outage == null ? freshAccount(userId) : Optional.ofNullable(accounts.get(userId));
    }

    /**
     * The family's account read from the database even while it counts as down (an account update was just stored,
     * so it answers again); the last one read if the read fails.
     */
    public Optional<Account> freshAccount(UserId userId) {
        try {
            Account read = store.account(userId).orElseGet(() -> Account.unknown(userId));
            accounts.put(userId, read);
            reachable();
            return Optional.of(read);
        } catch (RuntimeException e) {
            unreachable(e);
            return Optional.ofNullable(accounts.get(userId));
        }
    }

    /** Why the database counts as down (the last failed read), or null while it answers. */
    public String outage() {
        return outage;
    }

    private void reachable() {
        if (outage != null) {
            outage = null;
            log.info(
                    "PostgreSQL reachable again; settings version {}",
                    current.get() == null ? "none" : current.get().version());
        }
    }

    private void unreachable(RuntimeException e) {
        if (outage == null) {
            log.warn(
                    "cannot read settings or accounts from PostgreSQL ({}); going on with settings version {} and the "
                            + "{} accounts read so far until it answers again",
                    reason(e),
                    current.get() == null ? "none" : current.get().version(),
                    accounts.size());
        }
        outage = reason(e);
    }

    /** The innermost cause: the pool's "connection is not available" wraps the reason (refused, auth, ...). */
    private static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
