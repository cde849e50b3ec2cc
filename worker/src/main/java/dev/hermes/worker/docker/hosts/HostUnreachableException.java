package dev.hermes.worker.docker.hosts;

import dev.hermes.worker.docker.DockerCallFailedException;
import java.net.ConnectException;

/**
 * No engine could be asked: the family's host, or every host that could take a new family, does not answer. Its cause
 * is an I/O error, so it reads as Docker unreachable ({@link dev.hermes.worker.docker.DockerOutage#unreachable}) and
 * the ensure is answered HOST_UNAVAILABLE with a retry-after.
 */
public final class HostUnreachableException extends DockerCallFailedException {
    public HostUnreachableException(String why) {
        super(why, new ConnectException(why));
    }
}
