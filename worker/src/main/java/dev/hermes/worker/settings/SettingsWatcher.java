package dev.hermes.worker.settings;

import dev.hermes.schemas.EventCodec;
import dev.hermes.schemas.InvalidEventException;
import dev.hermes.schemas.SettingsChanged;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Learns of new settings two ways: SettingsChanged on the settings topic (prompt; read with assign(),
 * every worker sees every event) and a periodic version check against PostgreSQL (certain; covers a
 * publish lost after the commit, a missed event, a partition taken over halfway). Both start a
 * {@link SettingsCampaign} (the fleet recreator) on a separate thread.
 */
public final class SettingsWatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SettingsWatcher.class);
    private final Consumer<byte[], byte[]> consumer;
    private final String topic;
    private final EventCodec codec;
    private final SettingsCampaign campaign;
    private final ExecutorService campaigns = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "hermes-recreate");
        t.setDaemon(true);
        return t;
    });
    private final Thread thread;
    private volatile boolean running = true;

    public SettingsWatcher(
            Consumer<byte[], byte[]> consumer, String topic, EventCodec codec, SettingsCampaign campaign) {
        this.consumer = consumer;
        this.topic = topic;
        this.codec = codec;
        this.campaign = campaign;
        TopicPartition tp = new TopicPartition(topic, 0);
        consumer.assign(List.of(tp));
        consumer.seekToEnd(List.of(tp));
        consumer.position(tp, Duration.ofSeconds(30));
        this.thread = new Thread(this::run, "hermes-settings");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            while (running) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    try {
                        SettingsChanged changed = codec.decode(record.value(), SettingsChanged.class);
                        log.info("SettingsChanged to version {} by {}", changed.settingsVersion(), changed.changedBy());
                        check(changed.eventId());
                    } catch (InvalidEventException e) {
                        log.warn("ignoring unreadable record on {}: {}", topic, e.getMessage());
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close();
        }
    }

    /** Queues a check-and-recreate; also called periodically. */
    public void check(UUID causationId) {
        campaigns.execute(() -> {
            try {
                campaign.run(causationId);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.warn("settings check failed: {}", e.getMessage());
            }
        });
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        campaigns.shutdownNow();
    }
}
