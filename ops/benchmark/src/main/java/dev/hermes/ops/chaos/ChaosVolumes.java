package dev.hermes.ops.chaos;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import dev.hermes.schemas.HermesException;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.docker.ContainerSpec;
import java.util.HashMap;
import java.util.Map;

/** Prepares a family's data volume before its runtime exists: the stand-in's switch files under .stub/. */
final class ChaosVolumes {
    private final DockerClient docker;
    private final ChaosStack stack;

    ChaosVolumes(ChaosStack stack) {
        this.docker = stack.docker();
        this.stack = stack;
    }

    /** Creates the family's volume (labelled like the workers' own) and runs {@code script} in /opt/data. */
    void seed(UserId user, String script) {
        Map<String, String> labels = new HashMap<>(stack.labels());
        labels.put(ContainerSpec.LABEL_MANAGED, "true");
        labels.put(ContainerSpec.LABEL_USER, user.value());
        docker.createVolumeCmd().withName(user.volumeName()).withLabels(labels).exec();
        String id = docker.createContainerCmd(stack.config().agentImage())
                .withEntrypoint("/bin/sh", "-c", "mkdir -p /opt/data/.stub && " + script)
                .withLabels(stack.labels())
                .withHostConfig(
                        HostConfig.newHostConfig().withBinds(new Bind(user.volumeName(), new Volume("/opt/data"))))
                .exec()
                .getId();
        try {
            docker.startContainerCmd(id).exec();
            Integer code = docker.waitContainerCmd(id).start().awaitStatusCode();
            if (code == null || code != 0) {
                throw new HermesException("seeding the volume of " + user + " exited " + code);
            }
        } finally {
            docker.removeContainerCmd(id).withForce(true).exec();
        }
    }
}
