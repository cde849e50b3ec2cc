package dev.hermes.client;

import dev.hermes.schemas.RuntimeFailed;

/**
 * The worker could not read the request and said so (RuntimeFailed {@code INVALID_REQUEST}); the message names the
 * field at fault. Retrying the same request will not help. The worker also put the request in the DLQ.
 */
public final class InvalidRequestException extends RuntimeFailedException {
    public InvalidRequestException(RuntimeFailed failed) {
        super("the request for user " + failed.userId() + " was refused as invalid: " + failed.message(), failed);
    }
}
