package dev.hermes.schemas;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.function.IntConsumer;

/**
 * A timing harness, not a test: run its main (test classpath) to see the codec's cost per record on the
 * worker's hot paths. Each figure is the best of several rounds of 1M operations after warm-up, timed in
 * this thread's CPU time, so other load on a shared machine shows less. Usage: {@code java -cp ... dev.hermes.schemas.CodecThroughput [rounds]}.
 */
public final class CodecThroughput {
    private static final int OPS = 1_000_000;
    private static final int DISTINCT = 10_000;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static volatile Object sink;

    private CodecThroughput() {}

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        EventCodec codec = new EventCodec();
        Random random = new Random(1);
        Instant base = Instant.parse("2026-11-27T10:57:28.123Z");
        Heartbeat[] heartbeats = new Heartbeat[DISTINCT];
        LastActive[] lastActives = new LastActive[DISTINCT];
        RuntimeReady[] readies = new RuntimeReady[DISTINCT];
        byte[][] heartbeatBytes = new byte[DISTINCT][];
        byte[][] lastActiveBytes = new byte[DISTINCT][];
        for (int i = 0; i < DISTINCT; i++) {
            UserId user = UserId.fromUuid(new UUID(random.nextLong(), random.nextLong()));
            Instant at = base.plusMillis(random.nextInt(86_400_000));
            heartbeats[i] = new Heartbeat(EventIds.next(), at, user, "device-" + random.nextInt(1000), "home-device");
            lastActives[i] = new LastActive(EventIds.next(), at, user, at.minusMillis(random.nextInt(1000)), "chat");
            readies[i] = new RuntimeReady(
                    EventIds.next(),
                    at,
                    user,
                    EventIds.next(),
                    "http://127.0.0.1:" + (40000 + i),
                    user.containerName(),
                    42,
                    i % 2 == 0,
                    180,
                    75,
                    1200,
                    1460,
                    "worker-1",
                    EventIds.next());
            heartbeatBytes[i] = codec.encode(heartbeats[i]);
            lastActiveBytes[i] = codec.encode(lastActives[i]);
        }
        time("decode Heartbeat", rounds, i -> sink = codec.decode(heartbeatBytes[i % DISTINCT]));
        time("decode LastActive", rounds, i -> sink = codec.decode(lastActiveBytes[i % DISTINCT], LastActive.class));
        time("encode LastActive", rounds, i -> sink = codec.encode(lastActives[i % DISTINCT]));
        time("encode RuntimeReady", rounds, i -> sink = codec.encode(readies[i % DISTINCT]));
        time("encode Heartbeat", rounds, i -> sink = codec.encode(heartbeats[i % DISTINCT]));
    }

    private static void time(String what, int rounds, IntConsumer op) {
        for (int i = 0; i < OPS; i++) { // warm-up
            op.accept(i);
        }
        double best = Double.MAX_VALUE;
        for (int r = 0; r < rounds; r++) {
            long t0 = THREADS.getCurrentThreadCpuTime();
            for (int i = 0; i < OPS; i++) {
                op.accept(i);
            }
            best = Math.min(best, (THREADS.getCurrentThreadCpuTime() - t0) / (double) OPS);
        }
        System.out.printf(Locale.ROOT, "%-22s %7.1f ns/op  (%,.0f ops/s)%n", what, best, 1e9 / best);
    }
}
