package dev.hermes.admin;

import dev.hermes.schemas.HermesException;

/** The hermes topics could not be created or described, or their layout is wrong. */
public final class TopicSetupException extends HermesException {
    public TopicSetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
