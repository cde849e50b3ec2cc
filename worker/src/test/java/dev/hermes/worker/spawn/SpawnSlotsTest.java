package dev.hermes.worker.spawn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SpawnSlotsTest {
    private final List<Thread> threads = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopThreads() {
        threads.forEach(Thread::interrupt);
    }

    /** Starts a thread that takes a slot and records its name when it got it. */
    private Thread waiter(SpawnSlots slots, String name, List<String> served) {
        Thread thread = new Thread(() -> {
            try {
                slots.acquire();
                served.add(name);
            } catch (InterruptedException e) {
                served.add(name + " interrupted");
            }
        });
        threads.add(thread);
        thread.start();
        return thread;
    }

    @Test
    void takesSlotsUpToTheLimitWithoutWaiting() throws InterruptedException {
        SpawnSlots slots = new SpawnSlots(2);

        SpawnSlots.Slot first = slots.acquire();
        SpawnSlots.Slot second = slots.acquire();

        assertThat(first).isEqualTo(new SpawnSlots.Slot(1, false));
        assertThat(second).isEqualTo(new SpawnSlots.Slot(2, true));
        assertThat(slots.inFlight()).isEqualTo(2);
    }

    @Test
    void aFullLimiterServesItsWaitersFirstComeFirstServed() throws InterruptedException {
        SpawnSlots slots = new SpawnSlots(1);
        slots.acquire();
        List<String> served = new CopyOnWriteArrayList<>();
        List<String> names = List.of("a", "b", "c");
        for (int i = 0; i < names.size(); i++) {
            int queued = i + 1;
            waiter(slots, names.get(i), served);
            await().until(() -> slots.waiting() == queued);
        }

        slots.release();
        await().until(() -> served.size() == 1);
        slots.release();
        await().until(() -> served.size() == 2);
        slots.release();
        await().until(() -> served.size() == 3);

        assertThat(served).containsExactly("a", "b", "c");
        assertThat(slots.waiting()).isZero();
    }

    @Test
    void aNewcomerDoesNotOvertakeWaitersWhenTheLimitRises() throws InterruptedException {
        SpawnSlots slots = new SpawnSlots(1);
        slots.acquire();
        List<String> served = new CopyOnWriteArrayList<>();
        waiter(slots, "a", served);
        await().until(() -> slots.waiting() == 1);
        waiter(slots, "b", served);
        await().until(() -> slots.waiting() == 2);

        slots.limit(2);

        await().until(() -> served.size() == 1);
        assertThat(served).containsExactly("a");
        assertThat(slots.waiting()).isEqualTo(1);
        assertThat(slots.inFlight()).isEqualTo(2);
        slots.limit(3);
        await().until(() -> served.size() == 2);
        assertThat(served).containsExactly("a", "b");
    }

    @Test
    void aLoweredLimitTakesNoSlotBackButHandsNoneOnUntilBelowIt() throws InterruptedException {
        SpawnSlots slots = new SpawnSlots(3);
        slots.acquire();
        slots.acquire();
        slots.acquire();
        List<String> served = new CopyOnWriteArrayList<>();
        waiter(slots, "a", served);
        await().until(() -> slots.waiting() == 1);

        slots.limit(1);
        slots.release();
        slots.release();

        assertThat(slots.inFlight()).isEqualTo(1);
        assertThat(slots.waiting()).isEqualTo(1);
        assertThat(served).isEmpty();
        slots.release();
        await().until(() -> served.size() == 1);
        assertThat(served).containsExactly("a");
        assertThat(slots.inFlight()).isEqualTo(1);
    }

    @Test
    void anInterruptedWaiterLeavesTheQueueAndKeepsNoSlot() throws InterruptedException {
        SpawnSlots slots = new SpawnSlots(1);
        slots.acquire();
        List<String> served = new CopyOnWriteArrayList<>();
        Thread a = waiter(slots, "a", served);
        await().until(() -> slots.waiting() == 1);
        waiter(slots, "b", served);
        await().until(() -> slots.waiting() == 2);

        a.interrupt();
        await().until(() -> served.contains("a interrupted"));
        slots.release();

        await().until(() -> served.contains("b"));
        assertThat(slots.waiting()).isZero();
        assertThat(slots.inFlight()).isEqualTo(1);
    }

    @Test
    void anAlreadyInterruptedCallerIsRefusedOnlyWhenItMustWait() throws InterruptedException {
        SpawnSlots slots = new SpawnSlots(1);
        slots.acquire();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            Thread.currentThread().interrupt();
            try {
                slots.acquire();
            } catch (InterruptedException e) {
                thrown.set(e);
            }
        });
        thread.start();
        thread.join(Duration.ofSeconds(10).toMillis());

        assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
        assertThat(slots.waiting()).isZero();
        assertThat(slots.inFlight()).isEqualTo(1);
    }

    @Test
    void refusesALimitBelowOneAndAReleaseOfNothing() {
        assertThatThrownBy(() -> new SpawnSlots(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SpawnSlots(1).limit(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SpawnSlots(1).release()).isInstanceOf(IllegalStateException.class);
    }
}
