package dev.hermes.worker.docker;

import dev.hermes.schemas.InvalidUserIdException;
import dev.hermes.schemas.UserId;
import java.util.Map;

/** Reads what a managed container's labels say; a label that is missing or malformed reads as absent. */
public final class ContainerLabels {
    private ContainerLabels() {}

    public static UserId user(Map<String, String> labels) {
        String label = labels == null ? null : labels.get(ContainerSpec.LABEL_USER);
        try {
            return label == null ? null : UserId.of(label);
        } catch (InvalidUserIdException e) {
            return null;
        }
    }

    /** The fleet that manages it ({@code hermes.fleet}), or null when it carries none. */
    public static String fleet(Map<String, String> labels) {
        return labels == null ? null : labels.get(ContainerSpec.LABEL_FLEET);
    }

    /** Whether it carries {@code hermes.managed=true}. */
    public static boolean managed(Map<String, String> labels) {
        return labels != null && "true".equals(labels.get(ContainerSpec.LABEL_MANAGED));
    }

    /** The settings version it was created with; 0 when unknown, so it counts as old. */
    public static long settingsVersion(Map<String, String> labels) {
        String label = labels == null ? null : labels.get(ContainerSpec.LABEL_SETTINGS_VERSION);
        try {
            return label == null ? 0 : Long.parseLong(label);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The address its port is published on ({@code hermes.publish-address}), or {@code fallback} without one. */
    public static String publishAddress(Map<String, String> labels, String fallback) {
        String label = labels == null ? null : labels.get(ContainerSpec.LABEL_PUBLISH_ADDRESS);
        return label == null || label.isBlank() ? fallback : label;
    }

    /** The id of the image it was created from ({@code hermes.image-id}), or null when it carries none. */
    public static String imageId(Map<String, String> labels) {
        return labels == null ? null : labels.get(ContainerSpec.LABEL_IMAGE_ID);
    }
}
