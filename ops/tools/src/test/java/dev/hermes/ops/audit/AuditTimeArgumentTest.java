package dev.hermes.ops.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AuditTimeArgumentTest {
    private final TimeArgument time =
            new TimeArgument(Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC));

    @ParameterizedTest
    @CsvSource({
        "2026-11-20T00:00:00Z,       2026-11-20T00:00:00Z",
        "2026-11-20T10:57:28.123Z,   2026-11-20T10:57:28.123Z",
        "2026-11-20T01:00:00+01:00,  2026-11-20T00:00:00Z",
        "2026-11-20t00:00:00z,       2026-11-20T00:00:00Z",
        "2026-11-20,                 2026-11-20T00:00:00Z",
        "24h,                        2026-11-26T12:00:00Z",
        "7d,                         2026-11-20T12:00:00Z",
        "30m,                        2026-11-27T11:30:00Z",
        "90s,                        2026-11-27T11:58:30Z",
        "2w,                         2026-11-13T12:00:00Z",
        "0h,                         2026-11-27T12:00:00Z"
    })
    void readsInstantsDatesAndDurationsAgo(String text, String expected) {
        assertThat(time.parse(text)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"", "yesterday", "24", "24x", "-5h", "5 h", "2026-11-31", "2026-11-20T00:00:00", "1700000000"})
    void rejectsAnythingElseWithExamplesOfWhatWorks(String text) {
        assertThatThrownBy(() -> time.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot read time '" + text + "'; use an instant such as 2026-11-20T00:00:00Z, a date "
                        + "such as 2026-11-20 (UTC midnight) or a duration ago such as 30m, 24h, 7d");
    }

    @Test
    void aWindowMustNotBeEmpty() {
        Instant t = Instant.parse("2026-11-20T00:00:00Z");
        assertThatThrownBy(() -> ReplayScope.fleet(t, t))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--since 2026-11-20T00:00:00Z must be before --until 2026-11-20T00:00:00Z");
    }

    @Test
    void theScopeCoversSinceInclusiveUntilExclusiveAndSeeksWithSlack() {
        ReplayScope scope =
                ReplayScope.fleet(Instant.parse("2026-11-20T00:00:00Z"), Instant.parse("2026-11-21T00:00:00Z"));

        assertThat(scope.covers(Instant.parse("2026-11-19T23:59:59.999Z"))).isFalse();
        assertThat(scope.covers(Instant.parse("2026-11-20T00:00:00Z"))).isTrue();
        assertThat(scope.covers(Instant.parse("2026-11-20T23:59:59.999Z"))).isTrue();
        assertThat(scope.covers(Instant.parse("2026-11-21T00:00:00Z"))).isFalse();
        assertThat(scope.seekTimestampMs())
                .isEqualTo(Instant.parse("2026-11-19T23:55:00Z").toEpochMilli());
        assertThat(scope.stopTimestampMs())
                .isEqualTo(Instant.parse("2026-11-21T00:05:00Z").toEpochMilli());
        assertThat(ReplayScope.fleet(null, null).seekTimestampMs()).isNull();
        assertThat(ReplayScope.fleet(null, null).covers(Instant.EPOCH)).isTrue();
    }

    @Test
    void aDurationIsANumberAndAUnit() {
        assertThat(TimeArgument.duration("90s")).isEqualTo(java.time.Duration.ofSeconds(90));
        assertThat(TimeArgument.duration("10m")).isEqualTo(java.time.Duration.ofMinutes(10));
        assertThatThrownBy(() -> TimeArgument.duration("soon"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("30s, 10m, 2h");
    }
}
