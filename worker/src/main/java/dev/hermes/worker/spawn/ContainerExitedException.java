package dev.hermes.worker.spawn;

/** The container stopped on its own while we waited for it to become healthy. */
public final class ContainerExitedException extends SpawnFailedException {
    public ContainerExitedException(String containerName, Long exitCode) {
        super("container " + containerName + " exited with code " + exitCode + " before it became healthy");
    }
}
