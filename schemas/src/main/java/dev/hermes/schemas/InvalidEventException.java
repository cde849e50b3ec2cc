package dev.hermes.schemas;

/** A record on the wire does not match the contract; {@link #field()} names the offending field. */
public final class InvalidEventException extends HermesException {
    private final String field;

    public InvalidEventException(String field, String message) {
        super(field == null ? message : "field '" + field + "': " + message);
        this.field = field;
    }

    /** The JSON field at fault, or null when the whole record is unreadable. */
    public String field() {
        return field;
    }
}
