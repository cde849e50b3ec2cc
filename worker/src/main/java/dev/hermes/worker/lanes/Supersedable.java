package dev.hermes.worker.lanes;

/**
 * A lane task that a later task of the same key can make redundant while it still waits in the lane (a heartbeat
 * followed by a newer heartbeat or an ensure of the same family). {@link KeyedExecutor} then drops it from the lane
 * and calls {@link #superseded()} instead of {@link #run()}; a task already running is never dropped.
 */
public interface Supersedable extends Runnable {
    /** Whether {@code later}, queued right behind this task, does everything this task would. */
    boolean supersededBy(Runnable later);

    /** Called once, instead of {@link #run()}, when this task was dropped: it completes without doing its work. */
    void superseded();
}
