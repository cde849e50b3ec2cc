package dev.hermes.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermes.schemas.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ordering rule of {@link SettingsStore#saveAccountIfNewer}, on a real PostgreSQL. */
class AccountStoreIT {
    private static final Instant T = Instant.parse("2026-11-30T10:00:00.123456Z");
    private static final UUID LOW = UUID.fromString("00000000-0000-4000-8000-000000000001");
    private static final UUID HIGH = UUID.fromString("ffffffff-0000-4000-8000-000000000001");
    private TestSchema schema;
    private Database database;
    private SettingsStore store;
    private final UserId user = UserId.random();

    @BeforeEach
    void open() {
        schema = TestSchema.create();
        database = Database.open(schema.url(), "postgres", "", 2, Duration.ofSeconds(10));
        store = new SettingsStore(database.jdbi());
    }

    @AfterEach
    void close() {
        database.close();
        schema.close();
    }

    private static Account named(UserId user, String name) {
        return new Account(user, name, "Europe/Berlin", "de-DE", "Ada, Bob", "line one\nline two");
    }

    @Test
    void aFirstUpdateIsStoredWithWhenAndByWhom() {
        assertThat(store.saveAccountIfNewer(named(user, "First"), T, LOW, "chat"))
                .isTrue();

        StoredAccount stored = store.storedAccount(user).orElseThrow();
        assertThat(stored.account()).isEqualTo(named(user, "First"));
        assertThat(stored.updatedAt()).isEqualTo(T);
        assertThat(stored.updatedBy()).isEqualTo("chat");
        assertThat(store.hasAccount(user)).isTrue();
        assertThat(store.accountIds()).containsExactly(user);
        assertThat(store.account(user)).contains(named(user, "First"));
    }

    @Test
    void anOlderUpdateArrivingLaterChangesNothing() {
        store.saveAccountIfNewer(named(user, "Newer"), T, LOW, "chat");

        assertThat(store.saveAccountIfNewer(named(user, "Older"), T.minusMillis(1), HIGH, "chat"))
                .isFalse();

        assertThat(store.account(user).orElseThrow().displayName()).isEqualTo("Newer");
    }

    @Test
    void aNewerUpdateReplacesEveryFieldAndClearsTheAbsentOnes() {
        store.saveAccountIfNewer(named(user, "Old"), T, HIGH, "chat");

        assertThat(store.saveAccountIfNewer(
                        new Account(user, "New", null, null, null, null), T.plusSeconds(1), LOW, "x"))
                .isTrue();

        assertThat(store.account(user)).contains(new Account(user, "New", null, null, null, null));
    }

    @Test
    void theSameEventTwiceIsANoOpAndATieGoesToTheLargerEventIdWhateverTheOrder() {
        store.saveAccountIfNewer(named(user, "Low"), T, LOW, "chat");

        assertThat(store.saveAccountIfNewer(named(user, "Low"), T, LOW, "chat")).isFalse();
        assertThat(store.saveAccountIfNewer(named(user, "High"), T, HIGH, "chat"))
                .isTrue();
        assertThat(store.saveAccountIfNewer(named(user, "Low"), T, LOW, "chat")).isFalse();
        // nanoseconds PostgreSQL cannot keep are no reason to win
        assertThat(store.saveAccountIfNewer(named(user, "Low"), T.plusNanos(999), LOW, "chat"))
                .isFalse();
        assertThat(store.account(user).orElseThrow().displayName()).isEqualTo("High");
    }

    @Test
    void anUpdateAfterADirectWriteWinsOnlyIfItIsNewer() {
        store.saveAccount(named(user, "Direct"));
        Instant written = store.storedAccount(user).orElseThrow().updatedAt();

        assertThat(store.saveAccountIfNewer(named(user, "Stale"), written.minusSeconds(60), HIGH, "chat"))
                .isFalse();
        assertThat(store.saveAccountIfNewer(named(user, "Fresh"), written.plusSeconds(60), LOW, "chat"))
                .isTrue();
        assertThat(store.account(user).orElseThrow().displayName()).isEqualTo("Fresh");
    }

    @Test
    void aFamilyWithoutAnAccountIsUnknown() {
        assertThat(store.hasAccount(user)).isFalse();
        assertThat(store.storedAccount(user)).isEmpty();
        assertThat(store.accountIds()).isEmpty();
    }
}
