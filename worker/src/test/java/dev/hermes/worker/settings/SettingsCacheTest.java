package dev.hermes.worker.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermes.admin.Account;
import dev.hermes.admin.DatabaseUnavailableException;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.fakes.FixedSettings;
import org.junit.jupiter.api.Test;

/** The cache while PostgreSQL is down: the last values read, no read on the spawn path, recovery by the probe. */
class SettingsCacheTest {
    private final FixedSettings source = new FixedSettings(3);
    private final SettingsCache cache = new SettingsCache(source);
    private final UserId user = UserId.random();

    @Test
    void aFailedReadMarksTheDatabaseDownAndLaterReadsUseTheLastValuesWithoutAskingIt() {
        Account curies = new Account(user, "The Curies", null, null, null, null);
        source.saveAccount(curies);
        cache.refresh();
        cache.account(user);
        source.settingsDown = true;
        source.accountsDown = true;
        source.bumpTo(4);

        assertThat(cache.refresh().version()).as("the first failed read").isEqualTo(3);
        assertThat(cache.outage()).contains("connection refused (settings)");
        int reads = source.reads.get();
        assertThat(cache.refresh().version()).isEqualTo(3);
        assertThat(cache.account(user)).contains(curies);
        assertThat(cache.account(UserId.random())).as("never read").isEmpty();
        assertThat(source.reads.get()).as("no read while known down").isEqualTo(reads);

        assertThat(cache.probe()).isFalse();
        assertThat(source.reads.get()).isEqualTo(reads + 1);
        source.settingsDown = false;
        source.accountsDown = false;
        assertThat(cache.probe()).isTrue();

        assertThat(cache.outage()).isNull();
        assertThat(cache.refresh().version()).isEqualTo(4);
        assertThat(cache.account(UserId.random()))
                .hasValueSatisfying(a -> assertThat(a.displayName()).isNotBlank());
    }

    @Test
    void settingsNeverReadAreAnOutageTheCallerSees() {
        source.settingsDown = true;

        assertThatThrownBy(cache::refresh).isInstanceOf(DatabaseUnavailableException.class);
        assertThat(cache.outage()).isNotNull();
    }
}
