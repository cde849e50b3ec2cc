package dev.hermes.worker.config;

import dev.hermes.schemas.HermesException;

/** A worker setting holds a value its {@link Setting} does not accept; the message names the variable. */
public class InvalidSettingException extends HermesException {
    public InvalidSettingException(String message) {
        super(message);
    }
}
