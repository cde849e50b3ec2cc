package dev.hermes.schemas;

/** HERMES_KAFKA_PROPERTIES_FILE names a file that cannot be read as Java properties. */
public class UnreadableKafkaPropertiesException extends HermesException {
    private final String reason;

    public UnreadableKafkaPropertiesException(String file, String reason) {
        super("cannot read " + KafkaPropertiesFile.VARIABLE + " at " + file + ": " + reason);
        this.reason = reason;
    }

    /** Why, without the file: e.g. {@code NoSuchFileException: /etc/kafka.properties}. */
    public String reason() {
        return reason;
    }
}
