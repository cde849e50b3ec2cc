package dev.hermes.worker.spawn;

import dev.hermes.schemas.StopReason;
import dev.hermes.worker.docker.ContainerLabels;
import java.util.Map;
import java.util.Optional;

/**
 * What a runtime must have been created from to be current: today's settings version and today's image id. One
 * created at an older version, or from another image (or with no image-id label: created before images were
 * tracked), is recreated, and this says why.
 */
public record CurrentBuild(long settingsVersion, String imageId) {

    /** Why a runtime created at {@code version} from {@code runtimeImageId} must be recreated; empty if current. */
    public Optional<StopReason> outdatedBy(long version, String runtimeImageId) {
        if (version < settingsVersion) {
            return Optional.of(StopReason.SETTINGS_RECREATE);
        }
        if (!imageId.equals(runtimeImageId)) {
            return Optional.of(StopReason.IMAGE_ROLLOUT);
        }
        return Optional.empty();
    }

    /**
     * {@link #outdatedBy(long, String)} of a container, from its labels (the truth); one created before images were
     * tracked (no {@code hermes.image-id} label) is judged by the image Docker says it runs, so upgrading the worker
     * recreates nothing by itself.
     */
    public Optional<StopReason> outdatedBy(Map<String, String> labels, String dockerImageId) {
        return outdatedBy(ContainerLabels.settingsVersion(labels), imageOf(labels, dockerImageId));
    }

    /** The image a container was created from: its label, else what Docker says (null if neither knows). */
    public static String imageOf(Map<String, String> labels, String dockerImageId) {
        String label = ContainerLabels.imageId(labels);
        return label != null ? label : dockerImageId;
    }
}
