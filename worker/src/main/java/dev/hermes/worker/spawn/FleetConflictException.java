package dev.hermes.worker.spawn;

import dev.hermes.schemas.HermesException;

/**
 * The family's container or volume name is taken on this Docker engine by another fleet: its {@code hermes.fleet}
 * label differs, or it is managed and carries none (a fleet we cannot name is never assumed to be ours). The worker
 * touched nothing; it answers FLEET_CONFLICT.
 */
public final class FleetConflictException extends HermesException {
    public FleetConflictException(String kind, String name, String ownFleet, String otherFleet) {
        super(kind + " " + name + " belongs to fleet " + describe(otherFleet) + ", not to this worker's fleet "
                + describe(ownFleet) + "; left untouched (remove it with the other fleet's tools, or give each fleet "
                + "its own Docker engine)");
    }

    private static String describe(String fleet) {
        return fleet == null ? "(none: managed but no hermes.fleet label)" : "'" + fleet + "'";
    }
}
