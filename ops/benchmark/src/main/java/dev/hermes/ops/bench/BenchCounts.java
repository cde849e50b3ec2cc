package dev.hermes.ops.bench;

/**
 * How much each figure measures. The full run meets the minimums; --quick is a smoke run.
 *
 * @param cold fresh users spawned one after another (and as many raw spawns)
 * @param warm warm ensure calls (and as many raw Kafka round trips)
 * @param burst fresh users requested at once (and as many raw spawns at once)
 * @param heartbeats distinct simulated users, one heartbeat each, on one worker
 * @param restore LastActive records restored from one partition
 * @param recreate running runtimes recreated after a settings bump (and as many raw recreates)
 * @param audit events replayed by the audit benchmark
 * @param fuzz hostile records of the fuzz batch (plus one good request per 50)
 * @param fuzzAtRest warm ensures timed at rest before the fuzz batch (as many or more are timed during it)
 * @param resume paused runtimes resumed by an ensure (and as many raw unpauses)
 * @param burst2 fresh users requested at once over two Docker hosts (and as many on one)
 */
public record BenchCounts(
        int cold,
        int warm,
        int burst,
        int heartbeats,
        int restore,
        int recreate,
        int audit,
        int fuzz,
        int fuzzAtRest,
        int resume,
        int burst2) {

    public static BenchCounts full() {
        return new BenchCounts(20, 2000, 100, 100_000, 1_000_000, 100, 1_000_000, 10_000, 500, 100, 200);
    }

    public static BenchCounts quick() {
        return new BenchCounts(5, 300, 20, 20_000, 100_000, 10, 100_000, 1_000, 100, 5, 20);
    }
}
