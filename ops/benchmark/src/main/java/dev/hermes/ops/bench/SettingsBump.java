package dev.hermes.ops.bench;

import dev.hermes.admin.GlobalSettings;
import dev.hermes.admin.SettingsStore;
import dev.hermes.schemas.SettingsChanged;
import dev.hermes.worker.kafka.EventPublisher;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Saves the current global settings again as a new version and publishes SettingsChanged: exactly
 * what `ops/hermes settings set` does, with the same provider, model, URL and key.
 */
public final class SettingsBump {
    private final SettingsStore store;
    private final EventPublisher publisher;

    public SettingsBump(SettingsStore store, EventPublisher publisher) {
        this.store = store;
        this.publisher = publisher;
    }

    /** The version the next {@link #bump} will save (the database bumps it by one). */
    public long nextVersion() {
        return store.currentVersion() + 1;
    }

    /** Returns the new settings version. */
    public long bump() throws Exception {
        GlobalSettings current = store.current();
        GlobalSettings saved = store.save(
                current.provider(),
                current.model(),
                current.baseUrl(),
                current.apiKey().orElse(null),
                "ops-bench");
        publisher
                .settingsChanged(new SettingsChanged(UUID.randomUUID(), Instant.now(), saved.version(), "ops-bench"))
                .get(15, TimeUnit.SECONDS);
        return saved.version();
    }
}
