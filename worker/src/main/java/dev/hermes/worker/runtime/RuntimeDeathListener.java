package dev.hermes.worker.runtime;

import dev.hermes.schemas.StopReason;

/** Told when a warm runtime was found dead (and already taken out of the warm set). */
@FunctionalInterface
public interface RuntimeDeathListener {
    RuntimeDeathListener NONE = (runtime, reason, exitCode, stopAsked) -> {};

    /**
     * @param reason DIED, or OOM_KILLED after an {@code oom} event
     * @param exitCode the container's exit code when Docker told it, else null
     * @param stopAsked true when someone stopped it on purpose ({@code docker stop}: SIGTERM first), so it must not be
     *     brought back against their will; false for a crash, a kill, an OOM kill, or a death found by a re-list
     */
    void died(Runtime runtime, StopReason reason, Long exitCode, boolean stopAsked);
}
