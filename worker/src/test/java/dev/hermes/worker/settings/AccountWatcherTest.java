package dev.hermes.worker.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hermes.admin.Account;
import dev.hermes.schemas.AccountUpdated;
import dev.hermes.schemas.EventCodec;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.config.Admission;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AccountWatcherTest {
    private static final String TOPIC = "t.accounts";
    private static final Instant T = Instant.parse("2026-11-30T10:00:00Z");
    private final EventCodec codec = new EventCodec();
    private final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
    private final List<String> stored = new CopyOnWriteArrayList<>();
    private final List<UserId> changed = new CopyOnWriteArrayList<>();
    private final KnownAccounts known =
            new KnownAccounts(Admission.KNOWN_ACCOUNTS, Set::of, u -> false, Clock.systemUTC(), Duration.ofMinutes(1));
    private AccountWatcher watcher;
    private long offset;

    private void start() {
        Node node = new Node(0, "localhost", 9092);
        consumer.updatePartitions(
                TOPIC,
                List.of(
                        new PartitionInfo(TOPIC, 0, node, new Node[0], new Node[0]),
                        new PartitionInfo(TOPIC, 1, node, new Node[0], new Node[0])));
        consumer.updateBeginningOffsets(Map.of(new TopicPartition(TOPIC, 0), 0L, new TopicPartition(TOPIC, 1), 0L));
        watcher = new AccountWatcher(
                consumer,
                TOPIC,
                codec,
                (account, at, eventId, by) -> stored.add(account.displayName() + "@" + at + " by " + by),
                known,
                (user, eventId) -> changed.add(user));
    }

    @AfterEach
    void close() {
        if (watcher != null) {
            watcher.close();
        }
    }

    private void add(byte[] key, byte[] value) {
        consumer.schedulePollTask(() -> consumer.addRecord(new ConsumerRecord<>(TOPIC, 1, offset++, key, value)));
    }

    private AccountUpdated update(UserId user, String name) {
        return new AccountUpdated(UUID.randomUUID(), T, user, name, null, null, null, null, "chat");
    }

    @Test
    void readsEveryPartitionFromTheBeginningStoresEachUpdateAndAdmitsTheFamily() {
        UserId user = UserId.random();
        start();

        add(user.asciiBytes(), codec.encode(update(user, "The Babbages")));

        await().atMost(Duration.ofSeconds(5)).until(() -> changed.contains(user));
        assertThat(consumer.assignment())
                .containsExactlyInAnyOrder(new TopicPartition(TOPIC, 0), new TopicPartition(TOPIC, 1));
        assertThat(stored).containsExactly("The Babbages@" + T + " by chat");
        assertThat(known.admits(user)).isTrue();
    }

    @Test
    void unreadableRecordsAndKeysThatAreNotTheUserIdAreSkippedAndTheNextOneIsRead() {
        UserId user = UserId.random();
        UserId other = UserId.random();
        start();

        add(user.asciiBytes(), "{not json".getBytes(StandardCharsets.UTF_8));
        add(other.asciiBytes(), codec.encode(update(user, "Wrong Key")));
        add(null, codec.encode(update(user, "No Key")));
        add(other.asciiBytes(), codec.encode(update(other, "Right")));

        await().atMost(Duration.ofSeconds(5)).until(() -> changed.contains(other));
        assertThat(stored).containsExactly("Right@" + T + " by chat");
        assertThat(changed).containsExactly(other);
        assertThat(known.admits(user)).isFalse();
    }

    @Test
    void accountOfMapsEveryField() {
        UserId user = UserId.random();
        AccountUpdated event = new AccountUpdated(UUID.randomUUID(), T, user, "N", "M", "TZ", "L", "notes", "x");

        assertThat(Account.of(event)).isEqualTo(new Account(user, "N", "TZ", "L", "M", "notes"));
    }
}
