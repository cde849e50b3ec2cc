package dev.hermes.worker.requests;

import dev.hermes.admin.DatabaseUnavailableException;
import dev.hermes.schemas.FailureReason;
import dev.hermes.worker.spawn.CapacityExceededException;
import dev.hermes.worker.spawn.CrashLoopException;
import dev.hermes.worker.spawn.FleetConflictException;
import dev.hermes.worker.spawn.HealthTimeoutException;
import dev.hermes.worker.spawn.HostUnavailableException;
import dev.hermes.worker.spawn.UnknownFamilyException;

/** Which stable code a failed ensure's cause is answered with, and the retry hint that goes with it. */
final class FailureReasons {
    private FailureReasons() {}

    static FailureReason reasonOf(RuntimeException e) {
        if (e instanceof CrashLoopException) {
            return FailureReason.CRASH_LOOP;
        }
        if (e instanceof HealthTimeoutException) {
            return FailureReason.HEALTH_TIMEOUT;
        }
        if (e instanceof DatabaseUnavailableException) {
            return FailureReason.SETTINGS_UNAVAILABLE;
        }
        if (e instanceof UnknownFamilyException) {
            return FailureReason.UNKNOWN_FAMILY;
        }
        if (e instanceof FleetConflictException) {
            return FailureReason.FLEET_CONFLICT;
        }
        if (e instanceof CapacityExceededException) {
            return FailureReason.CAPACITY;
        }
        if (e instanceof HostUnavailableException) {
            return FailureReason.HOST_UNAVAILABLE;
        }
        return FailureReason.SPAWN_ERROR;
    }

    /** When trying again may succeed: given with CAPACITY, CRASH_LOOP and HOST_UNAVAILABLE, otherwise null. */
    static Long retryAfterMs(Throwable cause) {
        if (cause instanceof CapacityExceededException full) {
            return full.retryAfter().toMillis();
        }
        if (cause instanceof CrashLoopException looping) {
            return looping.retryAfter().toMillis();
        }
        if (cause instanceof HostUnavailableException down) {
            return down.retryAfter().toMillis();
        }
        return null;
    }

    /** A failure a heartbeat meets often and harmlessly (the next heartbeat tries again): logged at debug only. */
    static boolean quiet(Throwable cause) {
        return cause instanceof CapacityExceededException
                || cause instanceof CrashLoopException
                || cause instanceof HostUnavailableException;
    }
}
