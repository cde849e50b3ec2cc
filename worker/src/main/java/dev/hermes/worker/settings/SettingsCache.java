package dev.hermes.worker.settings;

import dev.hermes.admin.Account;
import dev.hermes.admin.DatabaseUnavailableException;
import dev.hermes.admin.GlobalSettings;
import dev.hermes.admin.SettingsStore;
import dev.hermes.schemas.UserId;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The current global settings in memory, so a warm ensure never touches the database. Refreshed on
 * SettingsChanged and by a periodic version check; while the database is down the last good value
 * is kept and the outage is logged once.
 */
public final class SettingsCache {
    private static final Logger log = LoggerFactory.getLogger(SettingsCache.class);
    private final SettingsSource store;
    private final AtomicReference<GlobalSettings> current = new AtomicReference<>();
    private volatile boolean outageLogged;

    public SettingsCache(SettingsStore store) {
        this(SettingsSource.of(store));
    }

    public SettingsCache(SettingsSource source) {
        this.store = source;
    }

    /** Reloads from the database; returns the settings now in force (the cached ones if it is down). */
    public GlobalSettings refresh() {
        try {
            GlobalSettings loaded = store.current();
            current.accumulateAndGet(
                    loaded, (old, fresh) -> old == null || fresh.version() >= old.version() ? fresh : old);
            if (outageLogged) {
                log.info("settings database reachable again; settings version {}", loaded.version());
                outageLogged = false;
            }
        } catch (RuntimeException e) {
            if (!outageLogged) {
                log.warn(
                        "cannot read global settings ({}); keeping version {}",
                        e.getClass().getSimpleName(),
                        current.get() == null ? "none" : current.get().version());
                outageLogged = true;
            }
            if (current.get() == null) {
                throw new DatabaseUnavailableException("global settings are unavailable: " + e.getMessage(), e);
            }
        }
        return current.get();
    }

    public GlobalSettings current() {
        GlobalSettings settings = current.get();
        return settings != null ? settings : refresh();
    }

    public Account account(UserId userId) {
        try {
            return store.account(userId).orElseGet(() -> Account.unknown(userId));
        } catch (RuntimeException e) {
            throw new DatabaseUnavailableException(
                    "account of user " + userId + " is unavailable: "
                            + e.getClass().getSimpleName(),
                    e);
        }
    }
}
