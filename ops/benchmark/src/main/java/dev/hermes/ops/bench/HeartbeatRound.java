package dev.hermes.ops.bench;

import dev.hermes.schemas.HermesException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * One timed round of heartbeats against the simulated worker: from the first send until the group's
 * committed offsets reach {@code committedTarget} (cumulative over rounds), with the worker's CPU time.
 *
 * @param handledSeconds until hermes_requests_total{type="Heartbeat"} reached the target; NaN if unknown
 */
public record HeartbeatRound(
        int count, double seconds, double producerSeconds, double handledSeconds, double cpuSeconds) {

    public double perSecond() {
        return count / seconds;
    }

    public double cpuMicrosPerHeartbeat() {
        return cpuSeconds * 1e6 / count;
    }

    /** The round with the median rate (of an odd number of rounds; the upper middle of an even one). */
    public static HeartbeatRound median(List<HeartbeatRound> rounds) {
        List<HeartbeatRound> byRate = rounds.stream()
                .sorted(java.util.Comparator.comparingDouble(HeartbeatRound::perSecond))
                .toList();
        return byRate.get(byRate.size() / 2);
    }

    /** The worker's CPU per heartbeat over all the rounds. */
    public static double cpuMicrosPerHeartbeat(List<HeartbeatRound> rounds) {
        return rounds.stream().mapToDouble(HeartbeatRound::cpuSeconds).sum()
                * 1e6
                / rounds.stream().mapToLong(HeartbeatRound::count).sum();
    }

    public static HeartbeatRound run(
            KafkaProducer<byte[], byte[]> producer,
            List<ProducerRecord<byte[], byte[]>> records,
            Admin admin,
            String group,
            long committedTarget,
            MetricsScraper metrics,
            double dockerCallsBefore,
            long workerPid)
            throws Exception {
        double cpuBefore = ProcStatus.cpuSeconds(workerPid);
        try (HeartbeatProgress progress =
                new HeartbeatProgress(admin, group, committedTarget, metrics, dockerCallsBefore).start()) {
            AtomicReference<Exception> failed = new AtomicReference<>();
            long t0 = System.nanoTime();
            for (ProducerRecord<byte[], byte[]> record : records) {
                producer.send(record, (metadata, error) -> failed.compareAndSet(null, error));
            }
            producer.flush();
            long sent = System.nanoTime();
            if (failed.get() != null) {
                throw new HermesException("producing heartbeats failed: " + failed.get(), failed.get());
            }
            long committed = progress.awaitCommitted(Duration.ofSeconds(300));
            long handled = progress.handledAtNanos();
            return new HeartbeatRound(
                    records.size(),
                    (committed - t0) / 1e9,
                    (sent - t0) / 1e9,
                    handled == 0 ? Double.NaN : (handled - t0) / 1e9,
                    ProcStatus.cpuSeconds(workerPid) - cpuBefore);
        }
    }
}
