package dev.hermes.worker.spawn;

import java.time.Instant;

/**
 * A container that is running (not yet known healthy), and how it got there.
 *
 * @param created a new container was made by this call (a cold spawn)
 * @param started this call started it (created, or adopted while stopped)
 * @param imageId the image it was created from (its {@code hermes.image-id} label); null when it carries none
 */
public record StartedContainer(
        String containerId,
        String containerName,
        String url,
        long settingsVersion,
        String configHash,
        boolean created,
        boolean started,
        long createMs,
        long startMs,
        Instant startedAt,
        String imageId) {}
