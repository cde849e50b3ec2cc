package dev.hermes.worker.spawn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermes.schemas.UserId;
import dev.hermes.worker.fakes.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CrashLoopGuardTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T12:00:00Z"));
    private final CrashLoopGuard guard = new CrashLoopGuard(3, Duration.ofSeconds(10), Duration.ofSeconds(600), clock);
    private final UserId user = UserId.random();

    @Test
    void refusesOnlyAfterKFailuresInARow() {
        assertThat(guard.failed(user)).isEmpty();
        guard.check(user);
        assertThat(guard.failed(user)).isEmpty();
        guard.check(user);
        assertThat(guard.failed(user)).hasValue(new CrashLoopGuard.Backoff(3, Duration.ofSeconds(10)));
        assertThatThrownBy(() -> guard.check(user))
                .isInstanceOfSatisfying(
                        CrashLoopException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(10)));
        assertThat(guard.inBackoff()).isEqualTo(1);
        // another family is untouched
        guard.check(UserId.random());
    }

    @Test
    void theBackoffCountsDownAndOneTryIsMadeWhenItExpires() {
        failTimes(3);
        clock.advance(Duration.ofSeconds(4));
        assertThatThrownBy(() -> guard.check(user))
                .isInstanceOfSatisfying(
                        CrashLoopException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(6)));
        clock.advance(Duration.ofSeconds(6));
        guard.check(user); // expired: one try may go ahead
        assertThat(guard.inBackoff()).isZero();
    }

    @Test
    void eachFailedTryAfterABackoffDoublesItUpToTheCap() {
        failTimes(3);
        Duration expected = Duration.ofSeconds(10);
        for (int i = 0; i < 8; i++) {
            clock.advance(expected);
            guard.check(user);
            expected = expected.multipliedBy(2).compareTo(Duration.ofSeconds(600)) > 0
                    ? Duration.ofSeconds(600)
                    : expected.multipliedBy(2);
            assertThat(guard.failed(user)).hasValue(new CrashLoopGuard.Backoff(4 + i, expected));
        }
        assertThat(expected).isEqualTo(Duration.ofSeconds(600));
        clock.advance(Duration.ofSeconds(599));
        assertThatThrownBy(() -> guard.check(user)).isInstanceOf(CrashLoopException.class);
    }

    @Test
    void aSuccessForgetsTheFailures() {
        failTimes(2);
        guard.succeeded(user);
        failTimes(2);
        guard.check(user); // two in a row again, not four
        assertThat(guard.failed(user)).hasValue(new CrashLoopGuard.Backoff(3, Duration.ofSeconds(10)));
        clock.advance(Duration.ofSeconds(10));
        guard.succeeded(user);
        assertThat(guard.failed(user)).isEmpty(); // after a success the backoff starts again from the minimum
    }

    @Test
    void onlyTheAgentsOwnFailuresCount() {
        assertThat(CrashLoopGuard.counts(new HealthTimeoutException("c", Duration.ofSeconds(1), "503")))
                .isTrue();
        assertThat(CrashLoopGuard.counts(new ContainerExitedException("c", 1L))).isTrue();
        assertThat(CrashLoopGuard.counts(new CapacityExceededException(3, 3, Duration.ofSeconds(30))))
                .isFalse();
        assertThat(CrashLoopGuard.counts(new UnknownFamilyException(user))).isFalse();
        assertThat(CrashLoopGuard.counts(new SpawnFailedException("docker refused to create")))
                .isFalse();
    }

    @Test
    void offNeverRefuses() {
        CrashLoopGuard off = CrashLoopGuard.off();
        for (int i = 0; i < 100; i++) {
            assertThat(off.failed(user)).isEmpty();
        }
        off.check(user);
    }

    private void failTimes(int n) {
        for (int i = 0; i < n; i++) {
            guard.failed(user);
        }
    }
}
