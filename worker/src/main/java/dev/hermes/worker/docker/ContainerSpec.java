package dev.hermes.worker.docker;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything a family's container is created with. {@code env} holds secrets (the agent key, the
 * provider key), so toString leaves it out.
 */
public record ContainerSpec(
        String name,
        String volume,
        String image,
        Path pluginsDir,
        int agentPort,
        String publishHost,
        Map<String, String> labels,
        List<String> env,
        long settingsVersion,
        String configHash,
        RuntimeLimits limits,
        RuntimeNetwork network) {

    public static final String LABEL_MANAGED = "hermes.managed";
    public static final String LABEL_USER = "hermes.user-id";
    public static final String LABEL_SETTINGS_VERSION = "hermes.settings-version";
    public static final String LABEL_CONFIG_HASH = "hermes.config-hash";
    /** Which fleet (consumer group) manages it, so two fleets on one Docker host never touch each other's. */
    public static final String LABEL_FLEET = "hermes.fleet";
    /** The id of the image it was created from (the spec's {@code image}), so a new image under the tag is seen. */
    public static final String LABEL_IMAGE_ID = "hermes.image-id";
    /** Which of HERMES_DOCKER_HOSTS it lives on (containers and volumes made by a multi-host worker). */
    public static final String LABEL_HOST = "hermes.host";
    /** The address its port is published on, when not HERMES_PUBLISH_HOST: the URL in RuntimeReady uses it. */
    public static final String LABEL_PUBLISH_ADDRESS = "hermes.publish-address";

    @Override
    public String toString() {
        return "ContainerSpec[name=" + name + ", image=" + image + ", labels=" + labels + ", env=<" + env.size()
                + " vars, redacted>]";
    }
}
