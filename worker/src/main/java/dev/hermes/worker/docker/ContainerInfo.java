package dev.hermes.worker.docker;

import java.util.Map;

/**
 * A container as inspect shows it.
 *
 * @param labels as Docker gives them; null when it gives none
 * @param startedAt Docker's RFC 3339 start time; may be null
 * @param publishedPorts host port of each published container TCP port
 * @param imageId the id of the image it was created from ({@code sha256:...}); may be null
 * @param paused frozen by {@code docker pause}; {@code running} is true as well, as Docker reports it
 * @param removing being removed ({@code docker rm -f} marks it before it kills it) or left dead by a failed removal
 */
public record ContainerInfo(
        String id,
        String name,
        boolean running,
        Long exitCode,
        Map<String, String> labels,
        String startedAt,
        Map<Integer, String> publishedPorts,
        String imageId,
        boolean paused,
        boolean removing) {}
