package dev.hermes.worker.docker;

/** A container with the name to create already exists. */
public final class ContainerNameTakenException extends DockerCallFailedException {
    public ContainerNameTakenException(String message, Throwable cause) {
        super(message, cause);
    }
}
