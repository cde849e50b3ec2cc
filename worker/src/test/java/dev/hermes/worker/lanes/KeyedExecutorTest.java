package dev.hermes.worker.lanes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class KeyedExecutorTest {
    private final KeyedExecutor<String> lanes = new KeyedExecutor<>(8, "test-lane");

    @AfterEach
    void close() {
        lanes.close();
    }

    /** A task that is superseded by any later one of the kind "heartbeat", as RecordTask's heartbeats are. */
    private record Beat(String name, List<String> log) implements Supersedable {
        @Override
        public boolean supersededBy(Runnable later) {
            return later instanceof Beat;
        }

        @Override
        public void superseded() {
            log.add("dropped " + name);
        }

        @Override
        public void run() {
            log.add("ran " + name);
        }
    }

    @Test
    void aWaitingSupersedableTaskIsDroppedWhenANewerOneIsQueuedButNeverTheRunningOneNorAcrossAnotherTask()
            throws InterruptedException {
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        lanes.submit("a", () -> {
            running.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            log.add("ran blocker");
        });
        running.await();
        lanes.submit("a", new Beat("b1", log));
        lanes.submit("a", new Beat("b2", log));
        lanes.submit("a", new Beat("b3", log));
        lanes.submit("a", () -> log.add("ran plain"));
        lanes.submit("a", new Beat("b4", log));
        lanes.submit("a", new Beat("b5", log));
        lanes.submit("other", new Beat("o1", log));
        await().atMost(Duration.ofSeconds(5)).until(() -> log.contains("ran o1"));
        assertThat(log)
                .as("dropped at once, on the submitting thread")
                .contains("dropped b1", "dropped b2", "dropped b4");

        release.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> lanes.activeKeys() == 0);
        assertThat(log.stream().filter(line -> line.startsWith("ran ") && !line.equals("ran o1")))
                .containsExactly("ran blocker", "ran b3", "ran plain", "ran b5");
        assertThat(log).hasSize(8);
    }

    @Test
    void tasksOfOneKeyRunInSubmissionOrderAndNeverOverlap() throws InterruptedException {
        int keys = 5;
        int perKey = 200;
        Map<String, List<Integer>> seen = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> running = new ConcurrentHashMap<>();
        AtomicInteger overlaps = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(keys * perKey);
        for (int k = 0; k < keys; k++) {
            String key = "user-" + k;
            seen.put(key, Collections.synchronizedList(new ArrayList<>()));
            running.put(key, new AtomicInteger());
        }
        // interleave the keys, as records of several families interleave on one partition
        for (int i = 0; i < perKey; i++) {
            for (int k = 0; k < keys; k++) {
                String key = "user-" + k;
                int n = i;
                lanes.submit(key, () -> {
                    if (running.get(key).incrementAndGet() != 1) {
                        overlaps.incrementAndGet();
                    }
                    if (ThreadLocalRandom.current().nextInt(20) == 0) {
                        busyFor(Duration.ofMillis(1)); // a slower task now and then, to vary the interleaving
                    }
                    seen.get(key).add(n);
                    running.get(key).decrementAndGet();
                    done.countDown();
                });
            }
        }

        assertThat(done.await(20, TimeUnit.SECONDS)).isTrue();

        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < perKey; i++) {
            expected.add(i);
        }
        for (int k = 0; k < keys; k++) {
            assertThat(seen.get("user-" + k)).as("order of user-%d", k).containsExactlyElementsOf(expected);
        }
        assertThat(overlaps).hasValue(0);
        await().atMost(Duration.ofSeconds(5)).until(() -> lanes.activeKeys() == 0);
    }

    @Test
    void aBlockedKeyDoesNotHoldUpOtherKeys() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch slowStarted = new CountDownLatch(1);
        AtomicInteger slowQueueRan = new AtomicInteger();
        lanes.submit("slow", () -> {
            slowStarted.countDown();
            block(release);
        });
        lanes.submit("slow", slowQueueRan::incrementAndGet);
        assertThat(slowStarted.await(5, TimeUnit.SECONDS)).isTrue();

        CountDownLatch fast = new CountDownLatch(50);
        long t0 = System.nanoTime();
        for (int i = 0; i < 50; i++) {
            lanes.submit("fast-" + (i % 5), fast::countDown);
        }

        assertThat(fast.await(5, TimeUnit.SECONDS))
                .as("other keys ran while 'slow' was blocked")
                .isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(1));
        assertThat(slowQueueRan)
                .as("the slow key's second task waits behind its first")
                .hasValue(0);
        assertThat(lanes.activeKeys()).isGreaterThanOrEqualTo(1);

        release.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> slowQueueRan.get() == 1 && lanes.activeKeys() == 0);
    }

    @Test
    void differentKeysRunInParallelUpToThePoolSize() throws InterruptedException {
        int keys = 8;
        CountDownLatch allRunning = new CountDownLatch(keys);
        CountDownLatch release = new CountDownLatch(1);
        for (int k = 0; k < keys; k++) {
            lanes.submit("k" + k, () -> {
                allRunning.countDown();
                block(release);
            });
        }
        assertThat(allRunning.await(5, TimeUnit.SECONDS))
                .as("%d keys ran at the same time", keys)
                .isTrue();
        release.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> lanes.activeKeys() == 0);
    }

    @Test
    void aFailingTaskDoesNotStopItsLane() throws InterruptedException {
        CountDownLatch after = new CountDownLatch(1);
        lanes.submit("k", () -> {
            throw new IllegalStateException("boom (expected by the test)");
        });
        lanes.submit("k", after::countDown);
        assertThat(after.await(5, TimeUnit.SECONDS)).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> lanes.activeKeys() == 0);
    }

    private static void block(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void busyFor(Duration work) {
        long until = System.nanoTime() + work.toNanos();
        while (System.nanoTime() < until) {
            Thread.onSpinWait();
        }
    }

    @Test
    void aQuickTaskRunsOnTheCallingThreadOnlyWhenItsKeyIsIdle() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        lanes.submit("busy", () -> block(release));
        Thread caller = Thread.currentThread();
        List<Thread> ranOn = Collections.synchronizedList(new ArrayList<>());

        assertThat(lanes.runInlineIfIdle("idle", () -> ranOn.add(Thread.currentThread())))
                .isTrue();
        assertThat(lanes.runInlineIfIdle("busy", () -> ranOn.add(Thread.currentThread())))
                .isFalse();

        assertThat(ranOn).containsExactly(caller);
        release.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> lanes.activeKeys() == 0);
    }

    @Test
    void workSubmittedWhileAnInlineTaskRunsFollowsItInOrder() {
        List<String> order = Collections.synchronizedList(new ArrayList<>());

        boolean inline = lanes.runInlineIfIdle("user", () -> {
            lanes.submit("user", () -> order.add("second"));
            order.add("first");
        });

        assertThat(inline).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> order.size() == 2);
        assertThat(order).containsExactly("first", "second");
        await().atMost(Duration.ofSeconds(5)).until(() -> lanes.activeKeys() == 0);
    }
}
