package dev.hermes.worker.audit;

import dev.hermes.schemas.StopReason;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * One thing that happened to a family's runtime, at the moment it happened. The lifecycle code returns
 * facts; {@link LifecycleAudit} alone turns them into audit events.
 */
public sealed interface RuntimeFact {
    Instant at();

    /**
     * A new container was created.
     *
     * @param correlationId the request it was created for; null for a heartbeat or a recreate
     */
    record Spawned(
            Instant at,
            UUID correlationId,
            String containerName,
            String containerId,
            long settingsVersion,
            String configHash,
            long createMs)
            implements RuntimeFact {}

    /** A container was started: one just created, or an adopted one that was stopped ({@code adopted}). */
    record Started(
            Instant at, UUID correlationId, String containerName, String containerId, boolean adopted, long startMs)
            implements RuntimeFact {}

    /** An existing container of the family was taken over; {@code wasRunning} false means it was started too. */
    record Adopted(Instant at, String containerName, String containerId, long settingsVersion, boolean wasRunning)
            implements RuntimeFact {}

    /**
     * A container was stopped or removed, and why. {@code containerName} is set even when the user is unknown.
     *
     * @param exitCode the exit code of a container that died by itself, when Docker told it; null otherwise
     */
    record Stopped(
            Instant at, String containerName, StopReason reason, boolean removed, boolean dataDeleted, Long exitCode)
            implements RuntimeFact {

        /** A stop the worker made itself: no exit code. */
        public Stopped(Instant at, String containerName, StopReason reason, boolean removed, boolean dataDeleted) {
            this(at, containerName, reason, removed, dataDeleted, null);
        }
    }

    /** A runtime on an older settings version was replaced by one on {@code toVersion}. */
    record Recreated(Instant at, String containerName, long fromVersion, long toVersion, long tookMs)
            implements RuntimeFact {}

    /**
     * The family's runtime failed to become healthy {@code failures} times in a row: it is refused (CRASH_LOOP, no
     * Docker call) for {@code backoff}.
     */
    record CrashLooping(Instant at, String containerName, int failures, Duration backoff) implements RuntimeFact {}

    /** An idle runtime was paused (tiered idle): memory kept, no CPU, until an ensure resumes it. */
    record Paused(Instant at, String containerName, String containerId, Duration idleFor) implements RuntimeFact {}

    /**
     * A paused runtime was unpaused and answered /health 200.
     *
     * @param correlationId the request that resumed it; null for a heartbeat
     * @param pausedFor how long it was paused, as this worker knows it
     */
    record Resumed(
            Instant at, UUID correlationId, String containerName, String containerId, long resumeMs, Duration pausedFor)
            implements RuntimeFact {}

    /**
     * A stopped family's volume was copied to {@code toHost} and its container and volume on {@code fromHost} removed.
     *
     * @param requestedBy the operator who asked for the move, or null
     */
    record Moved(
            Instant at,
            String containerName,
            String fromHost,
            String toHost,
            long bytesCopied,
            long tookMs,
            String requestedBy)
            implements RuntimeFact {}
}
