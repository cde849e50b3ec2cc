package dev.hermes.ops.chaos;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Network;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Removes what a fault-suite run made, by its label. */
final class ChaosReaper {
    private static final Logger log = LoggerFactory.getLogger(ChaosReaper.class);

    private ChaosReaper() {}

    /** Removes every container (broker included), volume and network labelled hermes.x-chaos=<run>. */
    static void reap(DockerClient docker, String runId) {
        String label = ChaosStack.LABEL + "=" + runId;
        for (Container c : docker.listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(List.of(label))
                .exec()) {
            try {
                docker.removeContainerCmd(c.getId())
                        .withForce(true)
                        .withRemoveVolumes(true)
                        .exec();
            } catch (NotFoundException e) {
                // gone already
            }
        }
        docker.listVolumesCmd()
                .withFilter("label", List.of(label))
                .exec()
                .getVolumes()
                .forEach(v -> {
                    try {
                        docker.removeVolumeCmd(v.getName()).exec();
                    } catch (RuntimeException e) {
                        log.warn("could not remove volume {}: {}", v.getName(), e.getMessage());
                    }
                });
        for (Network n :
                docker.listNetworksCmd().withFilter("label", List.of(label)).exec()) {
            try {
                docker.removeNetworkCmd(n.getId()).exec();
            } catch (RuntimeException e) {
                log.warn("could not remove network {}: {}", n.getName(), e.getMessage());
            }
        }
    }
}
