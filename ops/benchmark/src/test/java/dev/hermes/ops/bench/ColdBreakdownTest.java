package dev.hermes.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermes.client.RuntimeHandle;
import dev.hermes.schemas.RuntimeReady;
import dev.hermes.schemas.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ColdBreakdownTest {
    private final Instant sent = Instant.parse("2026-11-30T17:00:00Z");

    @Test
    void splitsTheCallersTimeIntoLegsAndTheWorkersPhases() {
        ColdBreakdown breakdown = new ColdBreakdown();
        // worker answered 300 ms after the send, having worked 290 ms (20 create, 240 start, 25 health, 5 other)
        breakdown.record(sent, handle(sent.plusMillis(300), 20, 240, 25, 290), sent.plusMillis(304));
        var summary = breakdown.summary();
        assertThat(summary.get("system_client_mean_ms")).isEqualTo(304.0);
        assertThat(summary.get("system_request_leg_mean_ms")).isEqualTo(10.0);
        assertThat(summary.get("system_reported_health_mean_ms")).isEqualTo(25.0);
        assertThat(summary.get("system_worker_other_mean_ms")).isEqualTo(5.0);
        assertThat(summary.get("system_reply_leg_mean_ms")).isEqualTo(4.0);
    }

    @Test
    void nothingRecordedIsNaN() {
        assertThat((Double) new ColdBreakdown().summary().get("system_client_mean_ms"))
                .isNaN();
    }

    private static RuntimeHandle handle(Instant answeredAt, long create, long start, long health, long total) {
        UserId user = UserId.random();
        RuntimeReady ready = new RuntimeReady(
                UUID.randomUUID(),
                answeredAt,
                user,
                UUID.randomUUID(),
                "http://127.0.0.1:32768",
                user.containerName(),
                1,
                true,
                create,
                start,
                health,
                total,
                "local-1",
                UUID.randomUUID());
        return new RuntimeHandle(user, ready.url(), ready.containerName(), true, 1, Duration.ofMillis(304), ready);
    }
}
