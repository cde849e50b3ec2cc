package dev.hermes.worker.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.async.ResultCallback;
import dev.hermes.client.RuntimeClient;
import dev.hermes.client.RuntimeFailedException;
import dev.hermes.client.RuntimeHandle;
import dev.hermes.schemas.Event;
import dev.hermes.schemas.EventCodec;
import dev.hermes.schemas.FailureReason;
import dev.hermes.schemas.RuntimeFailed;
import dev.hermes.schemas.RuntimeStarted;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.Worker;
import dev.hermes.worker.testing.HermesStack;
import dev.hermes.worker.testing.Stack;
import dev.hermes.worker.testing.TopicDump;
import dev.hermes.worker.testing.Volumes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 13, behaviour 3: a family whose agent never becomes healthy is answered CRASH_LOOP at once after K failed
 * spawns, with no Docker call until its backoff expires; then one try is made. Its queued heartbeats are merged, so a
 * burst of them neither repeats the health wait nor pauses the partition: another family's request on the same
 * partition is answered at once.
 */
@HermesStack.Use
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class CrashLoopIT {
    private static final int HEALTH_TIMEOUT_SEC = 4;
    private static final int BACKOFF_MIN_SEC = 6;
    private final EventCodec codec = new EventCodec();

    @Test
    void aFamilyThatNeverBecomesHealthyIsAnsweredCrashLoopAndHoldsUpNobody(Stack stack) throws Exception {
        Worker worker = stack.startWorker(Map.of(
                "HERMES_HEALTH_TIMEOUT_SEC", Integer.toString(HEALTH_TIMEOUT_SEC),
                "HERMES_CRASH_LOOP_AFTER", "3",
                "HERMES_CRASH_LOOP_BACKOFF_MIN_SEC", Integer.toString(BACKOFF_MIN_SEC),
                "HERMES_CRASH_LOOP_BACKOFF_MAX_SEC", "600",
                // small, so that 50 unmerged heartbeats behind a spawn would pause the partition
                "HERMES_PARTITION_BUFFER_LIMIT", "10"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> worker.ready() && worker.ownedPartitions().size() == Stack.PARTITIONS);
        RuntimeClient client = stack.client();
        UserId failing = stack.newUser();
        UserId other = onSamePartitionAs(failing);
        stack.track(other);
        Volumes.neverHealthy(stack.docker(), failing);
        long t0Sec = Instant.now().getEpochSecond();

        for (int i = 0; i < 3; i++) {
            assertThat(failure(client, failing).reason()).isEqualTo(FailureReason.HEALTH_TIMEOUT);
        }
        String startedAt = startedAt(stack, failing);
        Instant loopSince = Instant.now();

        List<Long> refusedMs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long t0 = System.nanoTime();
            RuntimeFailedException refused = failure(client, failing);
            refusedMs.add((System.nanoTime() - t0) / 1_000_000);
            assertThat(refused.reason()).isEqualTo(FailureReason.CRASH_LOOP);
            assertThat(refused.retryAfter())
                    .hasValueSatisfying(after ->
                            assertThat(after).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(BACKOFF_MIN_SEC)));
        }
        System.out.printf("CRASH_LOOP: refusals answered in %s ms (wall, with the Kafka round trip)%n", refusedMs);
        assertThat(refusedMs).allSatisfy(ms -> assertThat(ms).isLessThan(1_000));
        assertThat(startedAt(stack, failing))
                .as("not started again in the backoff")
                .isEqualTo(startedAt);
        assertThat(dockerEvents(stack, failing, t0Sec))
                .as("three tries, each a container start")
                .filteredOn("start"::equals)
                .hasSize(3);
        assertThat(dockerEvents(stack, failing, loopSince.getEpochSecond()))
                .as("no container create or start in the backoff")
                .isEmpty();
        assertThat(crashLoopEntries(stack, failing))
                .as("entering the backoff is audited once")
                .hasSize(1);
        assertThat(worker.meters()
                        .registry()
                        .get("hermes.crash.loop.families")
                        .gauge()
                        .value())
                .isEqualTo(1.0);

        // a warm family on the same partition
        RuntimeHandle otherCold = client.ensureRuntime(other, Duration.ofSeconds(60));
        assertThat(otherCold.coldStart()).isTrue();

        // the backoff expires: one try, during which a burst of heartbeats queues behind it
        await().atMost(Duration.ofSeconds(BACKOFF_MIN_SEC + 2))
                .until(() -> Duration.between(loopSince, Instant.now()).toSeconds() >= BACKOFF_MIN_SEC);
        int startsBeforeBurst = starts(stack, failing);
        CompletableFuture<RuntimeHandle> retry = client.ensureRuntimeAsync(failing, Duration.ofSeconds(30));
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> !startedAt(stack, failing).equals(startedAt));
        double mergedBefore = merged(worker);
        for (int i = 0; i < 50; i++) {
            client.heartbeat(failing, "speaker-" + i);
        }
        client.flush();
        // the worker has the burst: merged into one queued heartbeat, or (were they not merged) enough of them
        // waiting behind the running try to pause the partition, so that the next request would wait on Kafka
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(10))
                .until(() -> merged(worker) - mergedBefore >= 49
                        || worker.meters().partitions().paused().get() > 0);
        boolean paused = worker.meters().partitions().paused().get() > 0;
        long sent = System.nanoTime();
        RuntimeHandle otherWarm = client.ensureRuntime(other, Duration.ofSeconds(30));
        long otherMs = (System.nanoTime() - sent) / 1_000_000;
        CompletableFuture<RuntimeHandle> voice = client.ensureRuntimeAsync(failing, Duration.ofSeconds(30));
        boolean retryStillRunning = !retry.isDone();

        System.out.printf("CRASH_LOOP burst: partition paused %s; other family answered in %d ms%n", paused, otherMs);
        assertThat(paused).as("the partition was not paused by the burst").isFalse();
        assertThat(otherWarm.coldStart()).isFalse();
        assertThat(otherWarm.url()).isEqualTo(otherCold.url());
        assertThat(otherMs)
                .as("another family's ensure, well under one health timeout")
                .isLessThan(1_500);
        assertThat(retryStillRunning)
                .as("it was answered while the failing family's try was running")
                .isTrue();
        assertThat(failureOf(retry).reason())
                .as("the one try after the backoff")
                .isEqualTo(FailureReason.HEALTH_TIMEOUT);
        long afterTryMs = System.nanoTime();
        RuntimeFailedException voiceRefused = failureOf(voice);
        long voiceWaitMs = (System.nanoTime() - afterTryMs) / 1_000_000;
        assertThat(voiceRefused.reason())
                .as("the family's own voice request, behind 50 heartbeats, waits for no health timeout of theirs")
                .isEqualTo(FailureReason.CRASH_LOOP);
        assertThat(voiceRefused.retryAfter())
                .hasValueSatisfying(after -> assertThat(after).isGreaterThan(Duration.ofSeconds(BACKOFF_MIN_SEC)));
        assertThat(voiceWaitMs).isLessThan(2_000);

        // every heartbeat was handled (merged or refused) and none started anything
        await().atMost(Duration.ofSeconds(10)).until(() -> worker.ready());
        // for a second, no heartbeat may start the failing family again (the one try after the backoff aside)
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(5))
                .until(() -> starts(stack, failing) - startsBeforeBurst <= 1);
        int burstStarts = starts(stack, failing) - startsBeforeBurst;
        System.out.printf(
                "CRASH_LOOP burst: other family answered in %d ms; failing family's voice request answered %d ms "
                        + "after its try ended; failing family started %d time(s) during the burst%n",
                otherMs, voiceWaitMs, burstStarts);
        assertThat(burstStarts)
                .as("the one try after the backoff, nothing more")
                .isEqualTo(1);
        assertThat(crashLoopEntries(stack, failing))
                .as("re-entering the backoff is audited once")
                .hasSize(2);
    }

    private static double merged(Worker worker) {
        return worker.meters()
                .registry()
                .get("hermes.heartbeats.merged")
                .counter()
                .count();
    }

    private static RuntimeFailedException failure(RuntimeClient client, UserId user) {
        RuntimeFailedException[] caught = new RuntimeFailedException[1];
        assertThatThrownBy(() -> client.ensureRuntime(user, Duration.ofSeconds(30)))
                .isInstanceOfSatisfying(RuntimeFailedException.class, e -> caught[0] = e);
        return caught[0];
    }

    private static RuntimeFailedException failureOf(CompletableFuture<RuntimeHandle> call) throws Exception {
        try {
            RuntimeHandle handle = call.get(30, TimeUnit.SECONDS);
            throw new AssertionError("expected a failure, got " + handle.url());
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(RuntimeFailedException.class);
            return (RuntimeFailedException) e.getCause();
        }
    }

    private List<RuntimeFailed> crashLoopEntries(Stack stack, UserId user) {
        return audit(stack, user).stream()
                .filter(e -> e instanceof RuntimeFailed f
                        && f.reason() == FailureReason.CRASH_LOOP
                        && f.correlationId() == null)
                .map(RuntimeFailed.class::cast)
                .toList();
    }

    private int starts(Stack stack, UserId user) {
        return (int) audit(stack, user).stream()
                .filter(RuntimeStarted.class::isInstance)
                .count();
    }

    private List<Event> audit(Stack stack, UserId user) {
        return TopicDump.values(stack.bootstrapServers(), stack.topics().events()).stream()
                .map(codec::decode)
                .filter(e -> user.equals(e.userId()))
                .toList();
    }

    private static String startedAt(Stack stack, UserId user) {
        return stack.docker()
                .inspectContainerCmd(user.containerName())
                .exec()
                .getState()
                .getStartedAt();
    }

    /** The create and start events of the family's container since {@code sinceSec}, as Docker saw them. */
    private static List<String> dockerEvents(Stack stack, UserId user, long sinceSec) throws InterruptedException {
        List<String> actions = Collections.synchronizedList(new ArrayList<>());
        stack.docker()
                .eventsCmd()
                .withSince(Long.toString(sinceSec))
                .withUntil(Long.toString(Instant.now().getEpochSecond() + 1))
                .withContainerFilter(user.containerName())
                .withEventTypeFilter(com.github.dockerjava.api.model.EventType.CONTAINER)
                .withEventFilter("create", "start")
                .exec(new ResultCallback.Adapter<com.github.dockerjava.api.model.Event>() {
                    @Override
                    public void onNext(com.github.dockerjava.api.model.Event event) {
                        actions.add(event.getAction() != null ? event.getAction() : event.getStatus());
                    }
                })
                .awaitCompletion(10, TimeUnit.SECONDS);
        return List.copyOf(actions);
    }

    private static UserId onSamePartitionAs(UserId other) {
        int wanted = Fleet.partitionOf(other);
        while (true) {
            UserId candidate = UserId.random();
            if (Fleet.partitionOf(candidate) == wanted) {
                return candidate;
            }
        }
    }
}
