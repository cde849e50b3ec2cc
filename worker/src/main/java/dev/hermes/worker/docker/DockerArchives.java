package dev.hermes.worker.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import java.io.InputStream;
import java.util.List;

/** Volumes, carriers and the archive calls of {@link DockerJava}: what a volume move between engines uses. */
final class DockerArchives {
    private final DockerClient docker;

    DockerArchives(DockerClient docker) {
        this.docker = docker;
    }

    List<VolumeSummary> volumes(String namePrefix) {
        try {
            var volumes = docker.listVolumesCmd()
                    .withFilter("name", List.of(namePrefix))
                    .exec()
                    .getVolumes();
            return volumes == null
                    ? List.of()
                    : volumes.stream()
                            .filter(v -> v.getName().startsWith(namePrefix))
                            .map(v -> new VolumeSummary(v.getName(), v.getLabels()))
                            .toList();
        } catch (DockerException e) {
            throw new DockerCallFailedException(e.getMessage(), e);
        }
    }

    boolean removeVolume(String name) {
        try {
            docker.removeVolumeCmd(name).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        } catch (DockerException e) {
            throw new DockerCallFailedException(e.getMessage(), e);
        }
    }

    String createCarrier(CarrierSpec spec) {
        try {
            return docker.createContainerCmd(spec.image())
                    .withName(spec.name())
                    .withLabels(spec.labels())
                    .withEntrypoint(List.of("/bin/true"))
                    .withNetworkDisabled(true)
                    .withHostConfig(HostConfig.newHostConfig()
                            .withNetworkMode("none")
                            .withBinds(new Bind(spec.volume(), new Volume(spec.mountPath()))))
                    .exec()
                    .getId();
        } catch (ConflictException e) {
            throw new ContainerNameTakenException(e.getMessage(), e);
        } catch (DockerException e) {
            throw new DockerCallFailedException(e.getMessage(), e);
        }
    }

    InputStream archiveOf(String container, String path) {
        try {
            return docker.copyArchiveFromContainerCmd(container, path).exec();
        } catch (DockerException e) {
            throw new DockerCallFailedException(e.getMessage(), e);
        }
    }

    void extract(String container, String directory, InputStream tar) {
        try {
            docker.copyArchiveToContainerCmd(container)
                    .withRemotePath(directory)
                    .withTarInputStream(tar)
                    .exec();
        } catch (DockerException e) {
            throw new DockerCallFailedException(e.getMessage(), e);
        }
    }
}
