package dev.hermes.worker.docker;

import java.util.List;
import java.util.Map;

/**
 * A container as a list shows it. {@code names} start with a slash, as Docker gives them; labels may be null.
 *
 * @param imageId the id of the image it was created from ({@code sha256:...}); may be null
 * @param paused frozen by {@code docker pause}: Docker lists it as running (its memory is kept), but it answers nothing
 */
public record ContainerSummary(
        String id, List<String> names, Map<String, String> labels, String imageId, boolean paused) {

    /** A container that is not paused. */
    public ContainerSummary(String id, List<String> names, Map<String, String> labels, String imageId) {
        this(id, names, labels, imageId, false);
    }
}
