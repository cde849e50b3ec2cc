package dev.hermes.worker.spawn;

import dev.hermes.worker.settings.KnownAccounts;

/**
 * What an {@link Ensurer} asks before it answers: which families may get a runtime (HERMES_ADMISSION), the engine's
 * bound on running runtimes, asked by cold starts only (HERMES_MAX_RUNTIMES), the guard that refuses a family whose
 * runtime keeps failing to become healthy (HERMES_CRASH_LOOP_AFTER), and how a paused runtime is resumed (null: none
 * is).
 */
public record EnsureGates(KnownAccounts admission, CapacityGate capacity, CrashLoopGuard crashLoop, Resumer resumer) {
    /** Every family admitted, no bound, no crash-loop guard, nothing resumed. */
    public static EnsureGates open() {
        return new EnsureGates(KnownAccounts.any(), CapacityGate.unbounded(), CrashLoopGuard.off(), null);
    }

    public EnsureGates withAdmission(KnownAccounts admission) {
        return new EnsureGates(admission, capacity, crashLoop, resumer);
    }

    public EnsureGates withCapacity(CapacityGate capacity) {
        return new EnsureGates(admission, capacity, crashLoop, resumer);
    }

    public EnsureGates withCrashLoop(CrashLoopGuard crashLoop) {
        return new EnsureGates(admission, capacity, crashLoop, resumer);
    }
}
