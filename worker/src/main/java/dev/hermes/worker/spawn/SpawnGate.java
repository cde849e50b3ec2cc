package dev.hermes.worker.spawn;

import dev.hermes.worker.config.SpawnConcurrency;
import java.time.Clock;

/**
 * Bounds Docker creates and starts at once: {@link SpawnSlots} (who waits, first come first served) with a fixed
 * limit, or with an {@link AdaptiveLimit} fed by each create and start's latency.
 */
public final class SpawnGate {
    private final SpawnSlots slots;
    private final AdaptiveLimit adaptive;

    /** A taken slot; hand it back with {@link #exit}. */
    public record Permit(SpawnSlots.Slot slot, long epoch) {}

    private SpawnGate(SpawnSlots slots, AdaptiveLimit adaptive) {
        this.slots = slots;
        this.adaptive = adaptive;
    }

    public static SpawnGate fixed(int limit) {
        return new SpawnGate(new SpawnSlots(limit), null);
    }

    public static SpawnGate adaptive(AdaptiveLimit limit) {
        return new SpawnGate(new SpawnSlots(limit.limit()), limit);
    }

    /** {@code fixed}: {@code ceiling} at once; {@code adaptive}: between {@code floor} and {@code ceiling}. */
    public static SpawnGate of(SpawnConcurrency mode, int floor, int ceiling, Clock clock) {
        return mode == SpawnConcurrency.FIXED
                ? fixed(ceiling)
                : adaptive(new AdaptiveLimit(Math.min(floor, ceiling), ceiling, clock));
    }

    public Permit enter() throws InterruptedException {
        SpawnSlots.Slot slot = slots.acquire();
        return new Permit(slot, adaptive == null ? 0 : adaptive.epoch());
    }

    /**
     * Hands the slot back. {@code engineNanos}: how long the engine took to create and start, or a negative number
     * when this spawn measured nothing (an adopted running container, a failure): the limit learns from the rest.
     */
    public void exit(Permit permit, long engineNanos) {
        if (adaptive != null && engineNanos > 0) {
            SpawnSlots.Slot slot = permit.slot();
            double concurrency = (slot.inFlight() + slots.inFlight()) / 2.0;
            synchronized (adaptive) { // two exits at once must not set their limits in the wrong order
                slots.limit(adaptive.onSample(engineNanos, concurrency, slot.allTaken(), permit.epoch()));
            }
        }
        slots.release();
    }

    public int limit() {
        return slots.limit();
    }

    public int inFlight() {
        return slots.inFlight();
    }

    public int waiting() {
        return slots.waiting();
    }
}
