package dev.hermes.worker.docker;

import java.util.Map;

/**
 * A container as inspect shows it.
 *
 * @param labels as Docker gives them; null when it gives none
 * @param startedAt Docker's RFC 3339 start time; may be null
 * @param publishedPorts host port of each published container TCP port
 * @param imageId the id of the image it was created from ({@code sha256:...}); may be null
 */
public record ContainerInfo(
        String id,
        String name,
        boolean running,
        Long exitCode,
        Map<String, String> labels,
        String startedAt,
        Map<Integer, String> publishedPorts,
        String imageId) {}
