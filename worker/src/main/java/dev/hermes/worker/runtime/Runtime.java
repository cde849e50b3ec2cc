package dev.hermes.worker.runtime;

import dev.hermes.schemas.UserId;
import java.time.Instant;

/** A family's running, healthy runtime as this worker knows it: enough to answer a warm ensure from memory. */
public record Runtime(UserId userId, String containerId, String containerName, String url, long settingsVersion,
                      Instant startedAt, Instant healthySince) {
}
