package dev.hermes.admin;

import dev.hermes.schemas.HermesException;

/** PostgreSQL could not be reached or answered with an error. */
public final class DatabaseUnavailableException extends HermesException {
    public DatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
