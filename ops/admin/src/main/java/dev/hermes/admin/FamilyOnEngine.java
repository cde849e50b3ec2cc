package dev.hermes.admin;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.hermes.schemas.UserId;
import java.util.Map;

/**
 * A family's container and volume on one Docker engine, as forget sees them: whether each exists and the fleet its
 * {@code hermes.fleet} label names (null: none). A call that fails otherwise than "not found" throws: the engine did
 * not answer.
 */
record FamilyOnEngine(boolean container, String containerFleet, boolean volume, String volumeFleet) {

    static FamilyOnEngine find(DockerClient docker, UserId user) {
        Map<String, String> containerLabels = null;
        boolean container;
        try {
            containerLabels = docker.inspectContainerCmd(user.containerName())
                    .exec()
                    .getConfig()
                    .getLabels();
            container = true;
        } catch (NotFoundException e) {
            container = false;
        }
        Map<String, String> volumeLabels = null;
        boolean volume;
        try {
            volumeLabels = docker.inspectVolumeCmd(user.volumeName()).exec().getLabels();
            volume = true;
        } catch (NotFoundException e) {
            volume = false;
        }
        return new FamilyOnEngine(container, fleet(containerLabels), volume, fleet(volumeLabels));
    }

    static boolean removeContainer(DockerClient docker, UserId user) {
        try {
            docker.removeContainerCmd(user.containerName()).withForce(true).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    static boolean removeVolume(DockerClient docker, UserId user) {
        try {
            docker.removeVolumeCmd(user.volumeName()).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    private static String fleet(Map<String, String> labels) {
        return labels == null ? null : labels.get(FamilyForgetter.LABEL_FLEET);
    }
}
