package dev.hermes.ops.recreate;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import dev.hermes.schemas.InvalidUserIdException;
import dev.hermes.schemas.UserId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The managed containers of one fleet, running or not, with one Docker list. The labels are the ones the worker
 * writes (its ContainerSpec); a container without a valid family label is not a runtime and is left out.
 */
public final class FleetContainers {
    public static final String LABEL_MANAGED = "hermes.managed";
    public static final String LABEL_FLEET = "hermes.fleet";
    public static final String LABEL_USER = "hermes.user-id";
    public static final String LABEL_SETTINGS_VERSION = "hermes.settings-version";
    private final DockerClient docker;
    private final String fleet;

    /** @param fleet the worker consumer group whose containers to list (their {@code hermes.fleet} label) */
    public FleetContainers(DockerClient docker, String fleet) {
        this.docker = docker;
        this.fleet = fleet;
    }

    /** The fleet's containers on every one of {@code engines} (the Docker hosts), one list each. */
    public static List<FleetContainer> onEvery(Collection<DockerClient> engines, String fleet) {
        List<FleetContainer> all = new ArrayList<>();
        for (DockerClient docker : engines) {
            all.addAll(new FleetContainers(docker, fleet).list());
        }
        return all;
    }

    public List<FleetContainer> list() {
        List<FleetContainer> result = new ArrayList<>();
        for (Container container : docker.listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(Map.of(LABEL_MANAGED, "true", LABEL_FLEET, fleet))
                .exec()) {
            Map<String, String> labels = container.getLabels() == null ? Map.of() : container.getLabels();
            UserId user = userOf(labels.get(LABEL_USER));
            if (user != null) {
                result.add(new FleetContainer(
                        user,
                        versionOf(labels.get(LABEL_SETTINGS_VERSION)),
                        FleetContainer.State.ofDocker(container.getState())));
            }
        }
        return result;
    }

    private static UserId userOf(String label) {
        try {
            return label == null ? null : UserId.of(label);
        } catch (InvalidUserIdException e) {
            return null;
        }
    }

    private static long versionOf(String label) {
        try {
            return label == null ? 0 : Long.parseLong(label);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
