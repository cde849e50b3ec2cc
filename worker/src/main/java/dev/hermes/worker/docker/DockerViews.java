package dev.hermes.worker.docker;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.InternetProtocol;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Docker-java's container models as this package's {@link ContainerSummary} and {@link ContainerInfo}. */
final class DockerViews {
    private DockerViews() {}

    static List<ContainerSummary> summaries(List<Container> containers) {
        return containers.stream()
                .map(c -> new ContainerSummary(
                        c.getId(),
                        c.getNames() == null ? List.of() : List.of(c.getNames()),
                        c.getLabels(),
                        c.getImageId(),
                        DockerPauses.PAUSED.equals(c.getState())))
                .toList();
    }

    static ContainerInfo info(InspectContainerResponse c) {
        Map<Integer, String> published = new HashMap<>();
        if (c.getNetworkSettings() != null && c.getNetworkSettings().getPorts() != null) {
            c.getNetworkSettings().getPorts().getBindings().forEach((port, bindings) -> {
                if (port.getProtocol() == InternetProtocol.TCP && bindings != null && bindings.length > 0) {
                    published.put(port.getPort(), bindings[0].getHostPortSpec());
                }
            });
        }
        InspectContainerResponse.ContainerState state = c.getState();
        return new ContainerInfo(
                c.getId(),
                c.getName(),
                state != null && Boolean.TRUE.equals(state.getRunning()),
                state == null ? null : state.getExitCodeLong(),
                c.getConfig() == null ? null : c.getConfig().getLabels(),
                state == null ? null : state.getStartedAt(),
                Map.copyOf(published),
                c.getImageId(),
                state != null && Boolean.TRUE.equals(state.getPaused()),
                state != null && ("removing".equals(state.getStatus()) || "dead".equals(state.getStatus())));
    }
}
