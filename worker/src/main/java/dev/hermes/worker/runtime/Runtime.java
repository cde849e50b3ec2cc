package dev.hermes.worker.runtime;

import dev.hermes.schemas.UserId;
import java.time.Instant;

/**
 * A family's running, healthy runtime as this worker knows it: enough to answer a warm ensure from memory.
 * A worker holds one per family it serves (100k and more), so it keeps only what cannot be derived: the
 * container name follows from the user id.
 */
public record Runtime(UserId userId, String containerId, String url, long settingsVersion, Instant startedAt) {

    public String containerName() {
        return userId.containerName();
    }
}
