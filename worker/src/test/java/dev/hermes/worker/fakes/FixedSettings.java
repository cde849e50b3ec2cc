package dev.hermes.worker.fakes;

import dev.hermes.admin.Account;
import dev.hermes.admin.GlobalSettings;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.settings.SettingsSource;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Global settings a test sets by version; accounts a test saves; either read may fail as the database would. */
public final class FixedSettings implements SettingsSource {
    private volatile long version;
    /** While true, reading the settings throws as a database that is down would. */
    public volatile boolean settingsDown;
    /** While true, reading an account throws as a database that is down would. */
    public volatile boolean accountsDown;
    /** Every read, settings or account. */
    public final java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();

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
        reads.incrementAndGet();
        if (settingsDown) {
            throw new IllegalStateException("connection refused (settings)");
        }
        return new GlobalSettings(
                "openrouter", "test/model", "https://llm.invalid", Optional.empty(), version, Instant.EPOCH, "test");
    }

    @Override
    public Optional<Account> account(UserId userId) {
        reads.incrementAndGet();
        if (accountsDown) {
            throw new IllegalStateException("connection refused (accounts)");
        }
        return Optional.ofNullable(accounts.get(userId));
    }
}
