package dev.hermes.ops.recreate;

import dev.hermes.schemas.UserId;

/**
 * One managed container of a fleet, as far as a recreate cares: whose it is, the settings version it was created
 * with (its {@code hermes.settings-version} label; 0 when it carries none, so it counts as old) and whether it runs.
 */
public record FleetContainer(UserId user, long settingsVersion, State state) {

    public enum State {
        /** Running (or restarting): it serves on the settings it was created with, so the recreate must replace it. */
        RUNNING,
        /** Frozen by {@code docker pause}: the worker's recreate removes a stale one; the next ensure creates it anew. */
        PAUSED,
        /** Created, exited or dead: the worker's next ensure of the family removes a stale one and creates it anew. */
        STOPPED;

        /** Docker's {@code State} of a container list ("running", "paused", "exited", ...). */
        public static State ofDocker(String state) {
            if (state == null) {
                return STOPPED;
            }
            return switch (state) {
                case "running", "restarting" -> RUNNING;
                case "paused" -> PAUSED;
                default -> STOPPED;
            };
        }
    }
}
