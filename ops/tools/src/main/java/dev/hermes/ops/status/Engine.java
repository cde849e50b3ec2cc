package dev.hermes.ops.status;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import dev.hermes.schemas.InvalidUserIdException;
import dev.hermes.schemas.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One Docker engine of the fleet, listed in one call: every container (running or not) that carries the
 * worker's labels {@code hermes.managed=true} and {@code hermes.fleet=<fleet>} (see the worker's ContainerSpec).
 * Its host is the container's {@code hermes.host} label, else this engine's name.
 */
public record Engine(String name, DockerClient docker) {
    static final String LABEL_MANAGED = "hermes.managed";
    static final String LABEL_FLEET = "hermes.fleet";
    static final String LABEL_USER = "hermes.user-id";
    static final String LABEL_SETTINGS_VERSION = "hermes.settings-version";
    static final String LABEL_HOST = "hermes.host";

    public List<EngineContainer> containers(String fleet) {
        List<Container> listed = docker.listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(Map.of(LABEL_MANAGED, "true", LABEL_FLEET, fleet))
                .exec();
        List<EngineContainer> containers = new ArrayList<>(listed.size());
        for (Container c : listed) {
            Map<String, String> labels = c.getLabels() == null ? Map.of() : c.getLabels();
            UserId user = user(labels.get(LABEL_USER));
            if (user != null) {
                containers.add(new EngineContainer(
                        user,
                        labels.getOrDefault(LABEL_HOST, name),
                        c.getState(),
                        version(labels.get(LABEL_SETTINGS_VERSION)),
                        c.getCreated() == null ? null : Instant.ofEpochSecond(c.getCreated())));
            }
        }
        return containers;
    }

    private static UserId user(String label) {
        try {
            return label == null ? null : UserId.of(label);
        } catch (InvalidUserIdException e) {
            return null;
        }
    }

    private static long version(String label) {
        try {
            return label == null ? 0 : Long.parseLong(label);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
