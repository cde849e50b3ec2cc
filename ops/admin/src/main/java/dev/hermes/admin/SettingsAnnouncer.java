package dev.hermes.admin;

import dev.hermes.admin.internal.EventWriter;
import dev.hermes.schemas.EventCodec;
import dev.hermes.schemas.SettingsChanged;
import dev.hermes.schemas.Topics;
import java.time.Clock;
import java.util.UUID;
import org.apache.kafka.clients.producer.Producer;

/**
 * Tells the workers that the global settings changed (SettingsChanged on the settings topic), so they
 * recreate active runtimes now. Save first ({@link SettingsStore#save}), then announce: if the announcement
 * is lost, workers still converge at their periodic version check.
 */
public final class SettingsAnnouncer {
    private final EventWriter writer;
    private final Topics topics;
    private final Clock clock;

    /** {@code producer} stays the caller's to close. */
    public SettingsAnnouncer(Producer<byte[], byte[]> producer, Topics topics, Clock clock) {
        this.writer = new EventWriter(producer, new EventCodec());
        this.topics = topics;
        this.clock = clock;
    }

    /** Sends and waits for the broker's ack; fails with a HermesException. */
    public SettingsChanged announce(GlobalSettings saved) {
        SettingsChanged event =
                new SettingsChanged(UUID.randomUUID(), clock.instant(), saved.version(), saved.updatedBy());
        writer.globalEvent(topics.settings(), event);
        return event;
    }
}
