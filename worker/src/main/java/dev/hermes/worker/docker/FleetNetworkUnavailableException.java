package dev.hermes.worker.docker;

/** The fleet's network could not be found or made (it vanished while resolving, or waiting was interrupted). */
public class FleetNetworkUnavailableException extends DockerCallFailedException {
    public FleetNetworkUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
