package dev.hermes.ops.bench;

/**
 * On two cores the JIT's compile queue is still long after the warm-up rounds (the broker and the
 * producer take the CPU it needs), so a round timed at once measures code half compiled. A worker
 * that has run for a while is fully compiled: {@link #await} waits until the simulated worker's compile
 * time stops growing for {@value #QUIET_MS} ms (at most {@value #MAX_S} s).
 */
final class JitQuiet {
    static final long QUIET_MS = 1_000;
    static final long MAX_S = 60;
    private static final String COMPILE_TIME = "(jit-compile-time)";

    private JitQuiet() {}

    /** Returns the seconds waited. */
    static double await(FleetWorkerProcess worker) throws Exception {
        long start = System.nanoTime();
        long last = worker.threadCpu().getOrDefault(COMPILE_TIME, 0L);
        long quietSince = System.nanoTime();
        while (System.nanoTime() - start < MAX_S * 1_000_000_000L) {
            Thread.sleep(250);
            long now = worker.threadCpu().getOrDefault(COMPILE_TIME, 0L);
            if (now != last) {
                last = now;
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince >= QUIET_MS * 1_000_000L) {
                break;
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
