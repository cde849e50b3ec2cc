package dev.hermes.ops.bench;

import dev.hermes.client.RuntimeHandle;
import dev.hermes.schemas.RuntimeReady;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a cold ensure's time goes, from the caller's send to its reply, as means in ms: the request leg (send ->
 * Kafka -> worker poll -> lane, up to where the worker's own clock starts), the worker's create / start / health
 * phases as its RuntimeReady reports them, the rest of the worker's time (database reads, the inspect after
 * start, registry, audit record), and the reply leg (audit + reply produce -> Kafka -> the client). The worker's
 * RuntimeReady.occurredAt is stamped on the same machine clock as the caller's.
 */
final class ColdBreakdown {
    private int n;
    private double client;
    private double requestLeg;
    private double create;
    private double start;
    private double health;
    private double workerOther;
    private double replyLeg;

    void record(Instant sent, RuntimeHandle handle, Instant received) {
        RuntimeReady ready = handle.ready();
        double total = Duration.between(sent, received).toNanos() / 1e6;
        double answeredAfter = Duration.between(sent, ready.occurredAt()).toNanos() / 1e6;
        n++;
        client += total;
        requestLeg += Math.max(0, answeredAfter - ready.totalMs());
        create += ready.createMs();
        start += ready.startMs();
        health += ready.healthMs();
        workerOther += Math.max(0, ready.totalMs() - ready.createMs() - ready.startMs() - ready.healthMs());
        replyLeg += Math.max(0, total - answeredAfter);
    }

    /** Means in ms, as extra figure fields ("system_request_leg_mean_ms", ...); NaN when nothing was recorded. */
    Map<String, Object> summary() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("system_client_mean_ms", mean(client));
        summary.put("system_request_leg_mean_ms", mean(requestLeg));
        summary.put("system_reported_create_mean_ms", mean(create));
        summary.put("system_reported_start_mean_ms", mean(start));
        summary.put("system_reported_health_mean_ms", mean(health));
        summary.put("system_worker_other_mean_ms", mean(workerOther));
        summary.put("system_reply_leg_mean_ms", mean(replyLeg));
        return summary;
    }

    private double mean(double sum) {
        return n == 0 ? Double.NaN : sum / n;
    }
}
