package dev.hermes.ops.bench;

import dev.hermes.admin.KafkaAccess;
import dev.hermes.schemas.Topics;
import dev.hermes.worker.fuzz.kit.FuzzFamilies;
import dev.hermes.worker.fuzz.kit.FuzzGenerator;
import dev.hermes.worker.fuzz.kit.FuzzPlan;
import dev.hermes.worker.fuzz.kit.FuzzRecord;
import dev.hermes.worker.fuzz.kit.FuzzSender;
import dev.hermes.worker.fuzz.kit.FuzzSent;
import dev.hermes.worker.fuzz.kit.FuzzTally;
import dev.hermes.worker.fuzz.kit.FuzzVerdict;
import dev.hermes.worker.fuzz.kit.FuzzWatch;
import dev.hermes.worker.fuzz.kit.TopicEnds;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;

/**
 * One fuzz batch against the local stack's workers (the worker tests' fuzz kit, as FuzzIT runs it): sends
 * {@code bad} hostile records and {@code good} requests, waits until every record is accounted for and the
 * workers' group has committed them all, then checks the four claims. The good families are left to the
 * janitor (forgotten with the run).
 */
public final class FuzzRun {
    private final BenchStack stack;
    private final PrintStream progress;

    public FuzzRun(BenchStack stack, PrintStream progress) {
        this.stack = stack;
        this.progress = progress;
    }

    /** What one batch did: the tally, the claims, and when it started and was cleared (epoch ms). */
    public record Result(
            FuzzTally tally, List<FuzzVerdict> verdicts, long firstSendMillis, long sentMillis, boolean drained) {
        public boolean allHold() {
            return drained && verdicts.stream().allMatch(FuzzVerdict::holds);
        }

        /** From the first send to the last DLQ copy or answer the batch caused, in seconds. */
        public double clearSeconds() {
            return (tally.lastWriteMillis() - firstSendMillis) / 1000.0;
        }
    }

    public Result run(int bad, int good, long seed, Duration timeout) throws InterruptedException {
        Topics topics = stack.env().topics();
        String bootstrap = stack.env().bootstrapServers();
        KafkaAccess kafka = stack.env().kafka();
        try (Admin admin = kafka.openAdmin("hermes-fuzz")) {
            int requestPartitions = partitions(admin, topics.requests());
            int replyPartitions = partitions(admin, topics.replies());
            List<FuzzRecord> records =
                    FuzzGenerator.generate(FuzzPlan.of(seed, bad, good, topics, requestPartitions, replyPartitions));
            records.stream()
                    .filter(r -> !r.kind().bad())
                    .forEach(r -> stack.janitor().systemUser(r.family()));
            Map<String, Long> before = TopicEnds.snapshot(admin);
            try (FuzzWatch watch = FuzzWatch.fromNow(bootstrap, topics);
                    FuzzSender sender = new FuzzSender(bootstrap, topics.requests())) {
                progress.printf("[fuzz] sending %d bad records and %d good requests (seed %d)%n", bad, good, seed);
                long t0 = System.currentTimeMillis();
                List<FuzzSent> sent = sender.send(records);
                long sentAt = System.currentTimeMillis();
                progress.printf("[fuzz] sent in %.1f s; waiting for the workers to clear them%n", (sentAt - t0) / 1e3);
                boolean drained = awaitDrained(admin, sent, watch, timeout);
                FuzzTally tally = FuzzTally.of(sent, watch.observed());
                List<FuzzVerdict> verdicts = List.of(
                        drained
                                ? FuzzVerdict.of("batch cleared within " + timeout.toSeconds() + " s", List.of())
                                : FuzzVerdict.of(
                                        "batch cleared within " + timeout.toSeconds() + " s",
                                        List.of("not cleared: see the 'missing' column")),
                        tally.answeredExactlyOnce(),
                        tally.badRecordsHandled(),
                        FuzzFamilies.noContainerForBadRecords(
                                FuzzFamilies.containers(stack.docker(), Map.of("hermes.managed", "true")),
                                FuzzFamilies.good(sent),
                                FuzzFamilies.badOnly(sent),
                                false),
                        TopicEnds.onlyAllowedGrew(before, TopicEnds.snapshot(admin), allowed(topics)));
                return new Result(tally, verdicts, t0, sentAt, drained);
            }
        }
    }

    private boolean awaitDrained(Admin admin, List<FuzzSent> sent, FuzzWatch watch, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long nextReport = System.nanoTime();
        while (System.nanoTime() < deadline) {
            FuzzTally tally = FuzzTally.of(sent, watch.observed());
            if (tally.drained() && TopicEnds.notCommitted(admin, stack.fleet().group(), sent) == 0) {
                return true;
            }
            if (System.nanoTime() >= nextReport) {
                long missing =
                        tally.rows().stream().mapToLong(FuzzTally.Row::missing).sum();
                progress.printf("[fuzz]   %d record(s) not accounted for yet%n", missing);
                nextReport = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            }
            Thread.sleep(500);
        }
        return false;
    }

    private static Set<String> allowed(Topics t) {
        return Set.of(t.requests(), t.replies(), t.dlq(), t.events(), t.lastActive());
    }

    private static int partitions(Admin admin, String topic) {
        try {
            return admin.describeTopics(List.of(topic))
                    .allTopicNames()
                    .get(20, TimeUnit.SECONDS)
                    .get(topic)
                    .partitions()
                    .size();
        } catch (Exception e) {
            throw new IllegalStateException("cannot describe topic " + topic + " (is the stack up?): " + e, e);
        }
    }
}
