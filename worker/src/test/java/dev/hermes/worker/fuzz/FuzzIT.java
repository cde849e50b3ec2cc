package dev.hermes.worker.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hermes.schemas.UserId;
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
import dev.hermes.worker.testing.HermesStack;
import dev.hermes.worker.testing.Stack;
import dev.hermes.worker.testing.WorkerProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 11, the fuzz: hostile records of every {@code FuzzKind} mixed with good requests, written as raw
 * bytes on the requests topic, across 2 worker processes in one group. Once the group has committed the
 * whole batch: every good request is answered exactly once, every bad record is in the DLQ or answered
 * INVALID_REQUEST, only the good families have containers, and only the topics a worker may write grew.
 * {@code -Dhermes.fuzz.bad=2000 -Dhermes.fuzz.good=40 -Dhermes.fuzz.seed=11 -Dhermes.fuzz.timeout.sec=150}
 * (defaults, about 45 s here; ops/fuzz runs 10,000 + 200 against the local stack).
 */
@HermesStack.Use
@ExtendWith(WorkerProcess.TailOnFailure.class)
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class FuzzIT {
    private static final int BAD = Integer.getInteger("hermes.fuzz.bad", 2_000);
    private static final int GOOD = Integer.getInteger("hermes.fuzz.good", 40);
    private static final long SEED = Long.getLong("hermes.fuzz.seed", 11);
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(Long.getLong("hermes.fuzz.timeout.sec", 150));
    private static final Map<String, String> ENV = Map.of("HERMES_HEALTH_TIMEOUT_SEC", "60");
    private static final List<WorkerProcess> workers = new ArrayList<>();
    private static final List<UserId> goodFamilies = new ArrayList<>();

    @AfterAll
    static void removeRuntimes(Stack stack) {
        workers.forEach(WorkerProcess::close);
        goodFamilies.parallelStream().forEach(stack::removeQuietly);
    }

    @Test
    void everyHostileRecordIsRefusedAndEveryGoodRequestAnsweredOnce(Stack stack) throws Exception {
        for (int i = 0; i < 2; i++) {
            workers.add(WorkerProcess.start(stack, ENV));
        }
        workers.forEach(w -> w.waitReady(Duration.ofSeconds(60)));
        List<FuzzRecord> records = FuzzGenerator.generate(
                FuzzPlan.of(SEED, BAD, GOOD, stack.topics(), Stack.PARTITIONS, Stack.PARTITIONS));
        records.stream().filter(r -> !r.kind().bad()).forEach(r -> goodFamilies.add(r.family()));
        goodFamilies.forEach(stack::track);
        String group = stack.topics().prefix() + "workers";

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()));
                FuzzWatch watch = FuzzWatch.fromBeginning(stack.bootstrapServers(), stack.topics());
                FuzzSender sender =
                        new FuzzSender(stack.bootstrapServers(), stack.topics().requests())) {
            awaitBothWorkersInTheGroup(admin, group);
            Map<String, Long> before = TopicEnds.snapshot(admin);
            long t0 = System.currentTimeMillis();

            List<FuzzSent> sent = sender.send(records);
            long sentMs = System.currentTimeMillis() - t0;
            await("the fuzz batch handled and committed")
                    .atMost(DRAIN_TIMEOUT)
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> FuzzTally.of(sent, watch.observed()).drained()
                            && TopicEnds.notCommitted(admin, group, sent) == 0);
            long drainedMs = System.currentTimeMillis() - t0;

            FuzzTally tally = FuzzTally.of(sent, watch.observed());
            Map<String, Long> after = TopicEnds.snapshot(admin);
            List<FuzzVerdict> verdicts = List.of(
                    tally.answeredExactlyOnce(),
                    tally.badRecordsHandled(),
                    FuzzFamilies.noContainerForBadRecords(
                            FuzzFamilies.containers(stack.docker(), Map.of("hermes.test", testLabel(stack))),
                            FuzzFamilies.good(sent),
                            FuzzFamilies.badOnly(sent),
                            true),
                    TopicEnds.onlyAllowedGrew(before, after, allowedTopics(stack)));
            System.out.printf(
                    "FuzzIT: %d bad + %d good records, seed %d; sent in %d ms, all handled %d ms after the first send "
                            + "(last answer/DLQ copy at +%d ms)%n%s",
                    BAD, GOOD, SEED, sentMs, drainedMs, tally.lastWriteMillis() - t0, tally.table());
            verdicts.forEach(v -> System.out.println(v.describe()));
            assertThat(verdicts)
                    .allSatisfy(v -> assertThat(v.holds()).as(v.describe()).isTrue());
            assertThat(watch.observed().unreadableReplies())
                    .as("unreadable records on the reply topic")
                    .isZero();
            assertThat(workers)
                    .allSatisfy(w -> assertThat(w.alive()).as(w + " alive").isTrue());
        }
    }

    private static Set<String> allowedTopics(Stack stack) {
        var t = stack.topics();
        return Set.of(t.requests(), t.replies(), t.dlq(), t.events(), t.lastActive());
    }

    private static String testLabel(Stack stack) {
        return stack.topics().prefix().replaceAll("[^a-z0-9-]", "");
    }

    private static void awaitBothWorkersInTheGroup(Admin admin, String group) {
        await("2 workers in group " + group)
                .atMost(Duration.ofSeconds(45))
                .pollInterval(Duration.ofMillis(200))
                .ignoreExceptions()
                .until(() -> {
                    var description = admin.describeConsumerGroups(List.of(group))
                            .all()
                            .get(10, TimeUnit.SECONDS)
                            .get(group);
                    return description.groupState() == org.apache.kafka.common.GroupState.STABLE
                            && description.members().size() == 2
                            && description.members().stream()
                                    .noneMatch(m ->
                                            m.assignment().topicPartitions().isEmpty());
                });
    }
}
