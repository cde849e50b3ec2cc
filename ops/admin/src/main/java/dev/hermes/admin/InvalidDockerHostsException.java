package dev.hermes.admin;

import dev.hermes.schemas.HermesException;

/** HERMES_DOCKER_HOSTS does not parse, or names a host twice. */
public final class InvalidDockerHostsException extends HermesException {
    public InvalidDockerHostsException(String message) {
        super(message);
    }
}
