package dev.hermes.worker.lanes;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks one at a time per key and concurrently across keys, on a bounded pool: a family's events
 * stay in order while a slow spawn for one family never holds up another. A waiting {@link Supersedable} task that
 * a newer one of its key makes redundant is dropped (see {@link #submit}).
 */
public final class KeyedExecutor<K> implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(KeyedExecutor.class);
    /** The lane of a key whose task runs with nothing behind it: shared, never added to, so idle work allocates nothing. */
    private static final Deque<Runnable> NOTHING_QUEUED = new ArrayDeque<>(1);

    private final ExecutorService pool;
    private final LaneTable<K, Deque<Runnable>> lanes = new LaneTable<>();

    public KeyedExecutor(int threads, String name) {
        AtomicInteger counter = new AtomicInteger();
        ThreadPoolExecutor executor =
                new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, name + "-" + counter.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        executor.allowCoreThreadTimeOut(true);
        this.pool = executor;
    }

    /**
     * Queues {@code task} behind every earlier task of the same key. If the task queued last (waiting, not running)
     * is {@link Supersedable} and superseded by {@code task}, it is dropped from the lane and completed through
     * {@link Supersedable#superseded()} on the calling thread: a lane holds at most one heartbeat per run of them.
     */
    public void submit(K key, Runnable task) {
        Supersedable dropped = null;
        synchronized (lanes) {
            Deque<Runnable> lane = lanes.get(key);
            if (lane == null) {
                lanes.put(key, NOTHING_QUEUED);
            } else {
                if (lane == NOTHING_QUEUED) {
                    lane = new ArrayDeque<>();
                    lanes.put(key, lane);
                } else if (lane.peekLast() instanceof Supersedable waiting && waiting.supersededBy(task)) {
                    lane.pollLast();
                    dropped = waiting;
                }
                lane.add(task);
                task = null;
            }
        }
        if (dropped != null) {
            completeDropped(key, dropped);
        }
        if (task != null) {
            Runnable first = task;
            pool.execute(() -> drain(key, first));
        }
    }

    private static void completeDropped(Object key, Supersedable dropped) {
        try {
            dropped.superseded();
        } catch (RuntimeException | Error e) { // the submitter must keep going
            log.error("completing a superseded task for key {} failed", key, e);
        }
    }

    /**
     * Runs {@code task} on the calling thread if the key has nothing queued or running, and returns true;
     * otherwise returns false and does nothing. For work that never blocks (a warm answer from memory),
     * this saves the hand-off to the pool while keeping the key's order: whatever is submitted for the key
     * meanwhile runs after it.
     */
    public boolean runInlineIfIdle(K key, Runnable task) {
        synchronized (lanes) {
            if (lanes.get(key) != null) {
                return false;
            }
            lanes.put(key, NOTHING_QUEUED);
        }
        try {
            task.run();
        } catch (RuntimeException | Error e) { // an Error too: the lane must keep moving
            log.error("task for key {} failed", key, e);
        }
        Runnable next;
        synchronized (lanes) {
            next = lanes.get(key).poll();
            if (next == null) {
                lanes.remove(key);
                return true;
            }
        }
        Runnable queued = next;
        pool.execute(() -> drain(key, queued));
        return true;
    }

    private void drain(K key, Runnable first) {
        Runnable next = first;
        while (next != null) {
            try {
                next.run();
            } catch (RuntimeException | Error e) { // an Error too: the lane must keep moving
                log.error("task for key {} failed", key, e);
            }
            synchronized (lanes) {
                Deque<Runnable> lane = lanes.get(key);
                next = lane.poll();
                if (next == null) {
                    lanes.remove(key);
                }
            }
        }
    }

    /** Keys with work queued or running. */
    public int activeKeys() {
        synchronized (lanes) {
            return lanes.size();
        }
    }

    @Override
    public void close() {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
