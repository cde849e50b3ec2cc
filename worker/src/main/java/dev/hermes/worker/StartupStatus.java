package dev.hermes.worker;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * What /livez, /readyz and the degraded reason answer while {@link Wiring#start()} runs, and then what they ask
 * once the worker is built: the endpoints serve from the first moment, before the parts they report on exist.
 */
final class StartupStatus {
    private final AtomicReference<BooleanSupplier> live = new AtomicReference<>(() -> true);
    private final AtomicReference<Supplier<String>> notReady = new AtomicReference<>(() -> "starting");
    private final AtomicReference<Supplier<String>> degraded = new AtomicReference<>(() -> null);

    void waitingFor(String dependency) {
        notReady.set(() -> "waiting for " + dependency);
    }

    void starting() {
        notReady.set(() -> "starting");
    }

    /** The built worker's answers from now on. */
    void serve(BooleanSupplier liveNow, Supplier<String> notReadyNow, Supplier<String> degradedNow) {
        notReady.set(notReadyNow);
        degraded.set(degradedNow);
        live.set(liveNow);
    }

    boolean live() {
        return live.get().getAsBoolean();
    }

    String notReadyReason() {
        return notReady.get().get();
    }

    String degradedReason() {
        return degraded.get().get();
    }
}
