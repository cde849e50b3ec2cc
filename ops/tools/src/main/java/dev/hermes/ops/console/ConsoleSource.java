package dev.hermes.ops.console;

import dev.hermes.ops.audit.Timeline;
import dev.hermes.schemas.UserId;

/** What the console shows, read-only: the fleet now, and one family's timeline from the audit. */
interface ConsoleSource {
    FleetView fleet();

    Timeline timeline(UserId user);
}
