package dev.hermes.schemas;

/** Root of every unchecked exception this project throws; subclasses name what failed. */
public class HermesException extends RuntimeException {
    public HermesException(String message) {
        super(message);
    }

    public HermesException(String message, Throwable cause) {
        super(message, cause);
    }
}
