package dev.hermes.worker.docker;

import java.util.List;
import java.util.Map;

/**
 * A container as a list shows it. {@code names} start with a slash, as Docker gives them; labels may be null.
 *
 * @param imageId the id of the image it was created from ({@code sha256:...}); may be null
 */
public record ContainerSummary(String id, List<String> names, Map<String, String> labels, String imageId) {}
