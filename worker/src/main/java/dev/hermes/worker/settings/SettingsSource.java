package dev.hermes.worker.settings;

import dev.hermes.admin.Account;
import dev.hermes.admin.GlobalSettings;
import dev.hermes.admin.SettingsStore;
import dev.hermes.schemas.UserId;
import java.util.Optional;

/** Where {@link SettingsCache} reads from: the database ({@link #of(SettingsStore)}), or a fixed value in a test. */
public interface SettingsSource {
    GlobalSettings current();

    Optional<Account> account(UserId userId);

    static SettingsSource of(SettingsStore store) {
        return new SettingsSource() {
            @Override
            public GlobalSettings current() {
                return store.current();
            }

            @Override
            public Optional<Account> account(UserId userId) {
                return store.account(userId);
            }
        };
    }
}
