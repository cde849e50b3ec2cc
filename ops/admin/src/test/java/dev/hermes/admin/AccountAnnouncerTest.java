package dev.hermes.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermes.schemas.AccountUpdated;
import dev.hermes.schemas.EventCodec;
import dev.hermes.schemas.InvalidEventException;
import dev.hermes.schemas.Topics;
import dev.hermes.schemas.UserId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

class AccountAnnouncerTest {
    private static final Topics TOPICS = new Topics("t.");
    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    private final MockProducer<byte[], byte[]> producer =
            new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    private final AccountAnnouncer announcer = new AccountAnnouncer(producer, TOPICS, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void publishesTheWholeIdentityOnTheAccountsTopicKeyedByTheUserId() {
        UserId user = UserId.random();
        Account account = new Account(user, "The Müllers", "Europe/Berlin", "de-DE", "Ada, Bob", "a\nb");

        AccountUpdated event = announcer.announce(account, "ops-cli");

        assertThat(producer.history()).hasSize(1);
        ProducerRecord<byte[], byte[]> sent = producer.history().get(0);
        assertThat(sent.topic()).isEqualTo(TOPICS.accounts());
        assertThat(sent.key()).isEqualTo(user.asciiBytes());
        assertThat(new EventCodec().decode(sent.value(), AccountUpdated.class)).isEqualTo(event);
        assertThat(event.occurredAt()).isEqualTo(NOW);
        assertThat(event.changedBy()).isEqualTo("ops-cli");
        assertThat(Account.of(event)).isEqualTo(account);
    }

    @Test
    void anIdentityOutOfBoundsIsRefusedBeforeAnythingIsSent() {
        Account account = new Account(UserId.random(), "x".repeat(201), null, null, null, null);

        assertThatThrownBy(() -> announcer.announce(account, "ops-cli"))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("displayName");
        assertThat(producer.history()).isEmpty();
    }
}
