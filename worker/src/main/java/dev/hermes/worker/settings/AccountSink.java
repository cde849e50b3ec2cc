package dev.hermes.worker.settings;

import dev.hermes.admin.Account;
import dev.hermes.admin.SettingsStore;
import java.time.Instant;
import java.util.UUID;

/** Where {@link AccountWatcher} stores an account: {@link SettingsStore#saveAccountIfNewer}, or a fake in a test. */
@FunctionalInterface
public interface AccountSink {
    /** Stores it unless a newer one is stored; returns whether the row changed. */
    boolean saveIfNewer(Account account, Instant setAt, UUID eventId, String setBy);

    static AccountSink of(SettingsStore store) {
        return store::saveAccountIfNewer;
    }
}
