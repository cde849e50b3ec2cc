package dev.hermes.worker.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermes.admin.DatabaseUnavailableException;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.config.Admission;
import dev.hermes.worker.fakes.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KnownAccountsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T10:00:00Z"));
    private final UserId loaded = UserId.random();
    private final UserId inDatabase = UserId.random();
    private final UserId stranger = UserId.random();
    private final List<UserId> lookups = new ArrayList<>();

    private KnownAccounts known(Admission admission) {
        return new KnownAccounts(
                admission,
                () -> Set.of(loaded),
                user -> {
                    lookups.add(user);
                    return user.equals(inDatabase);
                },
                clock,
                Duration.ofSeconds(10));
    }

    @Test
    void anyAdmitsEveryFamilyWithoutReadingTheDatabase() {
        KnownAccounts any = known(Admission.ANY);

        assertThat(any.load()).isZero();
        assertThat(any.admits(stranger)).isTrue();
        assertThat(lookups).isEmpty();
        assertThat(KnownAccounts.any().admits(stranger)).isTrue();
    }

    @Test
    void aLoadedOrAddedFamilyIsAdmittedFromMemory() {
        KnownAccounts known = known(Admission.KNOWN_ACCOUNTS);
        assertThat(known.load()).isEqualTo(1);
        UserId added = UserId.random();
        known.add(added);

        assertThat(known.admits(loaded)).isTrue();
        assertThat(known.admits(added)).isTrue();
        assertThat(lookups).isEmpty();
    }

    @Test
    void aMissIsLookedUpOnceAndAFoundFamilyIsRememberedForGood() {
        KnownAccounts known = known(Admission.KNOWN_ACCOUNTS);
        known.load();

        assertThat(known.admits(inDatabase)).isTrue();
        assertThat(known.admits(inDatabase)).isTrue();

        assertThat(lookups).containsExactly(inDatabase);
    }

    @Test
    void anUnknownFamilyIsRefusedAndLookedUpAgainOnlyAfterTheMissExpires() {
        KnownAccounts known = known(Admission.KNOWN_ACCOUNTS);
        known.load();

        assertThat(known.admits(stranger)).isFalse();
        clock.advance(Duration.ofSeconds(9));
        assertThat(known.admits(stranger)).isFalse();
        assertThat(lookups).containsExactly(stranger);
        clock.advance(Duration.ofSeconds(2));
        assertThat(known.admits(stranger)).isFalse();
        assertThat(lookups).containsExactly(stranger, stranger);
    }

    @Test
    void anAccountStoredByTheWatcherEndsARememberedMissAtOnce() {
        KnownAccounts known = known(Admission.KNOWN_ACCOUNTS);
        assertThat(known.admits(stranger)).isFalse();

        known.add(stranger);

        assertThat(known.admits(stranger)).isTrue();
    }

    @Test
    void aDatabaseThatCannotAnswerIsADatabaseOutageNotARefusal() {
        KnownAccounts known = new KnownAccounts(
                Admission.KNOWN_ACCOUNTS,
                Set::of,
                user -> {
                    throw new IllegalStateException("connection refused");
                },
                clock,
                Duration.ofSeconds(10));

        assertThatThrownBy(() -> known.admits(stranger))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining(stranger.value());
    }
}
