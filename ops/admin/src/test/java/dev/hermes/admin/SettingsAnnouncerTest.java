package dev.hermes.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermes.schemas.EventCodec;
import dev.hermes.schemas.HermesException;
import dev.hermes.schemas.SettingsChanged;
import dev.hermes.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

class SettingsAnnouncerTest {
    private static final Topics TOPICS = new Topics("t.");
    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    private static final GlobalSettings SAVED =
            new GlobalSettings("openrouter", "m", null, Optional.of(new Secret("sk-never-announced")), 7, NOW, "ada");

    @Test
    void announcesTheSavedVersionOnTheSettingsTopicUnderTheGlobalKeyWithoutTheKey() {
        MockProducer<byte[], byte[]> producer =
                new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());

        SettingsChanged event =
                new SettingsAnnouncer(producer, TOPICS, Clock.fixed(NOW, ZoneOffset.UTC)).announce(SAVED);

        assertThat(producer.history()).hasSize(1);
        ProducerRecord<byte[], byte[]> sent = producer.history().get(0);
        assertThat(sent.topic()).isEqualTo(TOPICS.settings());
        assertThat(new String(sent.key(), StandardCharsets.UTF_8)).isEqualTo("global");
        assertThat(new EventCodec().decode(sent.value(), SettingsChanged.class)).isEqualTo(event);
        assertThat(event.settingsVersion()).isEqualTo(7);
        assertThat(event.changedBy()).isEqualTo("ada");
        assertThat(event.occurredAt()).isEqualTo(NOW);
        assertThat(new String(sent.value(), StandardCharsets.UTF_8)).doesNotContain("sk-never-announced");
    }

    @Test
    void aRefusedSendIsAHermesExceptionThatNamesTheTopic() {
        MockProducer<byte[], byte[]> producer =
                new MockProducer<>(false, null, new ByteArraySerializer(), new ByteArraySerializer());
        SettingsAnnouncer announcer = new SettingsAnnouncer(producer, TOPICS, Clock.fixed(NOW, ZoneOffset.UTC));
        Thread failer = new Thread(() -> {
            while (!producer.errorNext(new IllegalStateException("broker says no"))) {
                Thread.onSpinWait();
            }
        });
        failer.start();

        assertThatThrownBy(() -> announcer.announce(SAVED))
                .isInstanceOf(HermesException.class)
                .hasMessageContaining("writing to " + TOPICS.settings() + " failed")
                .hasMessageContaining("broker says no");
    }
}
