package dev.hermes.admin;

import dev.hermes.schemas.HermesException;

/** Forget refused: the family's container or volume on this Docker engine belongs to another fleet. */
public final class OtherFleetException extends HermesException {
    public OtherFleetException(String kind, String name, String theirs, String ours) {
        super(kind + " " + name + " belongs to fleet '" + theirs + "', not to fleet '" + ours
                + "'; nothing was removed (forget it with --fleet " + theirs + " if that is what you mean)");
    }
}
