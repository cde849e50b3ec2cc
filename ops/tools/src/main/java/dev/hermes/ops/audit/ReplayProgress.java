package dev.hermes.ops.audit;

/** Told after every poll how far a replay has got; implementations throttle their own output. */
public interface ReplayProgress {
    void update(long recordsRead, long recordsTotal);

    default void finished(long recordsRead, long recordsTotal) {}

    static ReplayProgress silent() {
        return (read, total) -> {};
    }
}
