package dev.hermes.schemas;

/** A user id that is not a canonical lowercase UUID. */
public final class InvalidUserIdException extends HermesException {
    public InvalidUserIdException(String given) {
        super("user id must be a canonical lowercase UUID (8-4-4-4-12 hex), got "
                + (given == null ? "null" : "'" + abbreviate(given) + "'"));
    }

    private static String abbreviate(String s) {
        String printable = s.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > 64 ? printable.substring(0, 64) + "..." : printable;
    }
}
