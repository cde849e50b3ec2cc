package dev.hermes.worker.docker;

import dev.hermes.schemas.HermesException;

/** Docker refused or failed a call; the message is Docker's own. */
public class DockerCallFailedException extends HermesException {
    public DockerCallFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
