package dev.hermes.worker.testing;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import dev.hermes.schemas.UserId;
import java.util.Map;

/** Prepares a family's data volume before its runtime exists (for the stand-in's per-volume switches). */
public final class Volumes {
    private Volumes() {}

    /** Runs {@code script} with /opt/data mounted from the user's volume, in a throwaway stub container. */
    public static void run(DockerClient docker, UserId user, String script) {
        docker.createVolumeCmd()
                .withName(user.volumeName())
                .withLabels(Map.of(
                        "hermes.managed", "true", "hermes.user-id", user.value(), "hermes.test", "volume-seeder"))
                .exec();
        String id = docker.createContainerCmd(Stack.IMAGE)
                .withEntrypoint("/bin/sh", "-c", script)
                .withLabels(Map.of("hermes.test", "volume-seeder"))
                .withHostConfig(
                        HostConfig.newHostConfig().withBinds(new Bind(user.volumeName(), new Volume("/opt/data"))))
                .exec()
                .getId();
        try {
            docker.startContainerCmd(id).exec();
            Integer code = docker.waitContainerCmd(id).start().awaitStatusCode();
            if (code == null || code != 0) {
                throw new AssertionError("seeding volume of " + user + " exited " + code);
            }
        } finally {
            docker.removeContainerCmd(id).withForce(true).exec();
        }
    }

    public static void slowBoot(DockerClient docker, UserId user, long millis) {
        run(docker, user, "mkdir -p /opt/data/.stub && echo " + millis + " > /opt/data/.stub/boot-delay-ms");
    }

    public static void neverHealthy(DockerClient docker, UserId user) {
        run(docker, user, "mkdir -p /opt/data/.stub && touch /opt/data/.stub/never-healthy");
    }

    /** Runs a command inside a running runtime and returns its exit code. */
    public static int exec(DockerClient docker, String container, String... command) {
        String exec = docker.execCreateCmd(container)
                .withCmd(command)
                .withAttachStdout(true)
                .withAttachStderr(true)
                .exec()
                .getId();
        try {
            docker.execStartCmd(exec).start().awaitCompletion();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        Long code = docker.inspectExecCmd(exec).exec().getExitCodeLong();
        return code == null ? -1 : code.intValue();
    }
}
