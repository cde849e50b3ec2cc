package dev.hermes.worker.runtime;

import dev.hermes.schemas.StopReason;

/** Told when a warm runtime was found dead (and already taken out of the warm set). */
@FunctionalInterface
public interface RuntimeDeathListener {
    RuntimeDeathListener NONE = (runtime, reason, exitCode) -> {};

    /**
     * @param reason DIED, or OOM_KILLED after an {@code oom} event
     * @param exitCode the container's exit code when Docker told it, else null
     */
    void died(Runtime runtime, StopReason reason, Long exitCode);
}
