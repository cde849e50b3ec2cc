package dev.hermes.admin;

import dev.hermes.schemas.HermesException;

/** The schema could not be migrated, or it does not match this build's migrations (validation failed). */
public final class MigrationFailedException extends HermesException {
    public MigrationFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
