package dev.hermes.worker.spawn;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.TopContainerResponse;
import java.util.Arrays;
import java.util.List;

/** What runs inside a container, and as whom (through {@code docker top}). */
final class ContainerProcesses {
    private ContainerProcesses() {}

    /** The agent runs as uid 10000, and so does everything else but Docker's init (PID 1, root). */
    static void assertOnlyDockerInitRunsAsRoot(DockerClient docker, String name) {
        TopContainerResponse top =
                docker.topContainerCmd(name).withPsArgs("-eo pid,uid,args").exec();
        List<String> titles = Arrays.asList(top.getTitles());
        int uid = titles.indexOf("UID");
        int args = titles.indexOf("COMMAND");
        assertThat(top.getProcesses()).as("processes of %s", name).isNotEmpty();
        assertThat(Arrays.stream(top.getProcesses()).filter(p -> p[args].contains("/opt/hermes/bin/hermes")))
                .as("the agent process")
                .isNotEmpty()
                .allSatisfy(p -> assertThat(p[uid]).isEqualTo("10000"));
        assertThat(Arrays.stream(top.getProcesses()).filter(p -> !p[args].startsWith("/sbin/docker-init")))
                .allSatisfy(p -> assertThat(p[uid]).as(String.join(" ", p)).isEqualTo("10000"));
    }
}
