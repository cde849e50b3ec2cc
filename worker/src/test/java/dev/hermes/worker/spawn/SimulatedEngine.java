package dev.hermes.worker.spawn;

import dev.hermes.worker.fakes.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A discrete-event Docker engine under an endless burst, no threads, no sleeps. The engine shares itself among the
 * spawns it runs: up to {@code peak} at once each runs at full speed; beyond, they share {@code peak} lanes and lose
 * {@code contention} of the engine's speed per extra spawn (the superlinear part), so its throughput is highest at
 * exactly {@code peak}. Each spawn needs a service time of {@code service} +-20 % (seeded).
 */
final class SimulatedEngine {
    private final MutableClock clock;
    private final AdaptiveLimit limit;
    private final Random random = new Random(42);
    private final List<Spawn> running = new ArrayList<>();
    private int peak;
    private double serviceSeconds;
    private final double contention;
    private double now;

    private static final class Spawn {
        double work;
        final double began;
        final int inFlight;
        final long epoch;
        final boolean allTaken;

        Spawn(double work, double began, int inFlight, long epoch, boolean allTaken) {
            this.allTaken = allTaken;
            this.work = work;
            this.began = began;
            this.inFlight = inFlight;
            this.epoch = epoch;
        }
    }

    /** What a run saw: the limit at every completion and how many completed. */
    record Run(List<Integer> limits, int completions, double seconds) {
        double throughput() {
            return completions / seconds;
        }

        List<Integer> lastHalf() {
            return limits.subList(limits.size() / 2, limits.size());
        }
    }

    SimulatedEngine(MutableClock clock, AdaptiveLimit limit, int peak, Duration service, double contention) {
        this.clock = clock;
        this.limit = limit;
        this.contention = contention;
        become(peak, service);
    }

    /** The engine changes (another load on the host, a faster disk): from now on it behaves so. */
    void become(int newPeak, Duration service) {
        this.peak = newPeak;
        this.serviceSeconds = service.toNanos() / 1e9;
    }

    /** Spawns per second the engine completes with {@code n} running (the curve the limit should climb). */
    double throughputAt(int n) {
        return n * speed(n) / serviceSeconds;
    }

    private double speed(int n) {
        return n <= peak ? 1 : (double) peak / n / (1 + contention * (n - peak));
    }

    /** Runs the burst for {@code span} of simulated time, as many spawns in flight as the limit allows. */
    Run run(Duration span) {
        double end = now + span.toNanos() / 1e9;
        double from = now;
        List<Integer> limits = new ArrayList<>();
        int completions = 0;
        while (now < end) {
            while (running.size() < limit.limit()) {
                double work = serviceSeconds * (0.8 + 0.4 * random.nextDouble());
                running.add(
                        new Spawn(work, now, running.size() + 1, limit.epoch(), running.size() + 1 >= limit.limit()));
            }
            double rate = speed(running.size());
            Spawn first = running.stream()
                    .min((a, b) -> Double.compare(a.work, b.work))
                    .orElseThrow();
            double dt = first.work / rate;
            for (Spawn spawn : running) {
                spawn.work -= dt * rate;
            }
            double concurrency = (first.inFlight + running.size()) / 2.0;
            running.remove(first);
            clock.advance(Duration.ofNanos(Math.round((now + dt) * 1e9) - Math.round(now * 1e9)));
            now += dt;
            completions++;
            limit.onSample(Math.round((now - first.began) * 1e9), concurrency, first.allTaken, first.epoch);
            limits.add(limit.limit());
        }
        return new Run(limits, completions, now - from);
    }
}
