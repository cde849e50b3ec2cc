package dev.hermes.worker.docker;

/**
 * Docker refused to start a container because the network it was created on is gone (removed by hand or by a
 * purge while the container was stopped). The container must be created again; the next create resolves the fleet's
 * network anew.
 */
public class RuntimeNetworkGoneException extends DockerCallFailedException {
    public RuntimeNetworkGoneException(String message, Throwable cause) {
        super(message, cause);
    }
}
