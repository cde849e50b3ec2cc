package dev.hermes.ops.status;

import dev.hermes.schemas.UserId;
import java.time.Instant;

/** A managed container of the fleet as an engine lists it; {@code dockerState} is Docker's (running, paused, ...). */
public record EngineContainer(UserId user, String host, String dockerState, long settingsVersion, Instant created) {}
