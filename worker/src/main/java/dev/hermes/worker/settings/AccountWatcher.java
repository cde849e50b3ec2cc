package dev.hermes.worker.settings;

import dev.hermes.admin.Account;
import dev.hermes.schemas.AccountUpdated;
import dev.hermes.schemas.EventCodec;
import dev.hermes.schemas.InvalidEventException;
import dev.hermes.schemas.UserId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the compacted accounts topic on its own thread and stores every AccountUpdated in PostgreSQL, then
 * tells {@code changed} (the owner of the family's partition recreates its running runtime).
 *
 * <p>Every worker reads every partition with assign() from the beginning, with no group and no committed
 * position: the topic is compacted to one record per family, the store is idempotent (an update no newer than
 * the stored one changes nothing), and so a worker that starts, or was down while updates were published, is
 * complete after one pass, whoever owns which family. The cost is one no-op upsert per family per worker
 * start. A record that cannot be stored (database down) is retried from its offset, never skipped.
 */
public final class AccountWatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AccountWatcher.class);
    private static final Duration RETRY = Duration.ofSeconds(1);
    private final Consumer<byte[], byte[]> consumer;
    private final String topic;
    private final EventCodec codec;
    private final AccountSink store;
    private final KnownAccounts known;
    private final BiConsumer<UserId, UUID> changed;
    private final Thread thread;
    private volatile boolean running = true;
    private boolean outageLogged;

    /**
     * @param changed called after an update is stored (or found already stored), with the user and the event id,
     *     on the watcher's thread
     */
    public AccountWatcher(
            Consumer<byte[], byte[]> consumer,
            String topic,
            EventCodec codec,
            AccountSink store,
            KnownAccounts known,
            BiConsumer<UserId, UUID> changed) {
        this.consumer = consumer;
        this.topic = topic;
        this.codec = codec;
        this.store = store;
        this.known = known;
        this.changed = changed;
        this.thread = new Thread(this::run, "hermes-accounts");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            assignAll();
            while (running) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (!handle(record)) {
                        consumer.seek(new TopicPartition(record.topic(), record.partition()), record.offset());
                        Thread.sleep(RETRY.toMillis());
                        break;
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            consumer.close();
        }
    }

    /** Waits for the topic (a deployment whose topics predate it logs how to create it), then reads all of it. */
    private void assignAll() throws InterruptedException {
        boolean missingLogged = false;
        while (running) {
            List<PartitionInfo> found;
            try {
                found = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            } catch (TimeoutException e) {
                found = List.of();
            }
            if (found != null && !found.isEmpty()) {
                List<TopicPartition> partitions = found.stream()
                        .map(p -> new TopicPartition(topic, p.partition()))
                        .toList();
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                log.info("reading {} partitions of {} from the beginning", partitions.size(), topic);
                return;
            }
            if (!missingLogged) {
                log.warn(
                        "topic {} does not exist: no account updates are read until it does "
                                + "(create it with `ops/hermes topics create`)",
                        topic);
                missingLogged = true;
            }
            Thread.sleep(RETRY.toMillis() * 5);
        }
    }

    /** False when the record must be read again (the store failed). */
    private boolean handle(ConsumerRecord<byte[], byte[]> record) {
        AccountUpdated update;
        try {
            update = codec.decode(record.value(), AccountUpdated.class);
        } catch (InvalidEventException e) {
            log.warn(
                    "ignoring unreadable record on {}-{} at {}: {}",
                    topic,
                    record.partition(),
                    record.offset(),
                    e.getMessage());
            return true;
        }
        if (record.key() == null || !Arrays.equals(record.key(), update.userId().asciiBytes())) {
            log.warn(
                    "ignoring AccountUpdated for user={} on {}-{} at {}: its key '{}' is not the user id",
                    update.userId(),
                    topic,
                    record.partition(),
                    record.offset(),
                    record.key() == null ? "null" : new String(record.key(), StandardCharsets.UTF_8));
            return true;
        }
        try {
            boolean stored =
                    store.saveIfNewer(Account.of(update), update.occurredAt(), update.eventId(), update.changedBy());
            if (outageLogged) {
                log.info("accounts database reachable again");
                outageLogged = false;
            }
            if (stored) {
                log.info("account of user={} set by {} ({})", update.userId(), update.changedBy(), update.eventId());
            }
        } catch (RuntimeException e) {
            if (!outageLogged) {
                log.warn("cannot store the account of user={}, retrying: {}", update.userId(), e.toString());
                outageLogged = true;
            }
            return false;
        }
        known.add(update.userId());
        try {
            changed.accept(update.userId(), update.eventId());
        } catch (RuntimeException e) {
            log.warn("after the account of user={} was stored: {}", update.userId(), e.toString());
        }
        return true;
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
    }
}
