package dev.hermes.schemas;

import java.time.Instant;
import java.util.UUID;

/** The global settings were saved as {@code settingsVersion}. Carries no secret, only the version. */
public record SettingsChanged(UUID eventId, Instant occurredAt, long settingsVersion, String changedBy)
        implements Event {

    @Override
    public UserId userId() {
        return null;
    }
}
