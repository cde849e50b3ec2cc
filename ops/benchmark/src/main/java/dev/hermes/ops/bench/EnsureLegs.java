package dev.hermes.ops.bench;

import dev.hermes.client.RuntimeHandle;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a warm ensure's time goes, split at the worker's answer (RuntimeReady.occurredAt, stamped by the
 * worker on the same machine clock): "to answer" is client send -> Kafka -> worker poll -> lane ->
 * ensure; "answer to client" is the worker's audit + reply produce -> Kafka -> the client's reply
 * consumer -> the waiting caller.
 */
public final class EnsureLegs {
    private final LatencySample toAnswer = new LatencySample();
    private final LatencySample answerToClient = new LatencySample();

    public void record(Instant sent, RuntimeHandle handle, Instant received) {
        Instant answered = handle.ready().occurredAt();
        toAnswer.add(Math.max(0, Duration.between(sent, answered).toNanos()));
        answerToClient.add(Math.max(0, Duration.between(answered, received).toNanos()));
    }

    /** {@code figure} with {@link #summary()} as extra fields. */
    public Figure addTo(Figure figure) {
        for (var e : summary().entrySet()) {
            figure = figure.with(e.getKey(), e.getValue());
        }
        return figure;
    }

    /** p50 and p99 of both legs, in ms, as extra figure fields. */
    public Map<String, Object> summary() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("leg_to_answer_p50_ms", toAnswer.medianMs());
        summary.put("leg_to_answer_p99_ms", toAnswer.percentileMs(0.99));
        summary.put("leg_answer_to_client_p50_ms", answerToClient.medianMs());
        summary.put("leg_answer_to_client_p99_ms", answerToClient.percentileMs(0.99));
        return summary;
    }
}
