package dev.hermes.worker.spawn;

import dev.hermes.schemas.HermesException;

/** Docker refused to create or start a family's container. */
public class SpawnFailedException extends HermesException {
    public SpawnFailedException(String message) {
        super(message);
    }

    public SpawnFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
