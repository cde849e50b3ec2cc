package dev.hermes.worker.fakes;

import dev.hermes.admin.Account;
import dev.hermes.admin.GlobalSettings;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.settings.SettingsSource;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Global settings a test sets by version; accounts a test saves. */
public final class FixedSettings implements SettingsSource {
    private volatile long version;
    private final Map<UserId, Account> accounts = new ConcurrentHashMap<>();

    public FixedSettings(long version) {
        this.version = version;
    }

    public void saveAccount(Account account) {
        accounts.put(account.userId(), account);
    }

    public void bumpTo(long newVersion) {
        version = newVersion;
    }

    @Override
    public GlobalSettings current() {
        return new GlobalSettings(
                "openrouter", "test/model", "https://llm.invalid", Optional.empty(), version, Instant.EPOCH, "test");
    }

    @Override
    public Optional<Account> account(UserId userId) {
        return Optional.ofNullable(accounts.get(userId));
    }
}
