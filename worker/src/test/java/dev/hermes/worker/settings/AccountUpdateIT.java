package dev.hermes.worker.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hermes.admin.Account;
import dev.hermes.admin.AccountAnnouncer;
import dev.hermes.admin.Database;
import dev.hermes.admin.KafkaAccess;
import dev.hermes.admin.SettingsStore;
import dev.hermes.client.RuntimeClient;
import dev.hermes.client.RuntimeHandle;
import dev.hermes.schemas.AccountUpdated;
import dev.hermes.schemas.ApiKeys;
import dev.hermes.schemas.Event;
import dev.hermes.schemas.EventCodec;
import dev.hermes.schemas.RuntimeRecreated;
import dev.hermes.schemas.RuntimeStopped;
import dev.hermes.schemas.StopReason;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.spawn.SeedScript;
import dev.hermes.worker.testing.Agent;
import dev.hermes.worker.testing.HermesStack;
import dev.hermes.worker.testing.Stack;
import dev.hermes.worker.testing.TopicDump;
import dev.hermes.worker.testing.Volumes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** AccountUpdated on the accounts topic reaches PostgreSQL, and the running runtime's MEMORY.md, on a real stack. */
@HermesStack.Use
class AccountUpdateIT {
    private static final ApiKeys KEYS = ApiKeys.fromSecret(Stack.SECRET);
    private static final String NOTE = "agent note: likes tea";
    private static SettingsStore store;
    private static RuntimeClient client;
    private static KafkaProducer<byte[], byte[]> producer;

    @BeforeAll
    static void start(Stack stack) {
        Database database = Database.open(stack.pgUrl(), "postgres", "", 2, Duration.ofSeconds(10));
        stack.closeLater(database);
        store = new SettingsStore(database.jdbi());
        producer = KafkaAccess.of(stack.bootstrapServers()).openProducer("it-accounts");
        stack.closeLater(producer);
        stack.startWorker(Map.of());
        client = stack.client();
    }

    private static String memory(RuntimeHandle handle, UserId user) {
        return Agent.get(handle.url(), "/stub/file/memories/MEMORY.md", KEYS.keyFor(user))
                .body();
    }

    private static String containerId(Stack stack, UserId user) {
        return stack.docker().inspectContainerCmd(user.containerName()).exec().getId();
    }

    @Test
    void anAccountOnTheTopicIsStoredAndTheRunningRuntimeRebootsWithItKeepingTheFamilysOwnNotes(Stack stack) {
        UserId user = stack.newUser();
        RuntimeHandle first = client.ensureRuntime(user, Duration.ofSeconds(60));
        assertThat(memory(first, user)).contains("(no account record)");
        assertThat(Volumes.exec(
                        stack.docker(),
                        first.containerName(),
                        "sh",
                        "-c",
                        "printf '" + NOTE + "\\n' >> /opt/data/memories/MEMORY.md"))
                .isZero();
        String before = containerId(stack, user);
        Account account = new Account(
                user, "The Lovelaces", "Europe/London", "en-GB", "Ada, Byron", "Ada codes at night.\nByron writes.");

        AccountUpdated sent = new AccountAnnouncer(producer, stack.topics(), Clock.systemUTC()).announce(account, "it");

        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
            assertThat(store.account(user)).contains(account);
            assertThat(containerId(stack, user)).isNotEqualTo(before);
            assertThat(stack.docker()
                            .inspectContainerCmd(user.containerName())
                            .exec()
                            .getState()
                            .getRunning())
                    .isTrue();
        });
        RuntimeHandle second = client.ensureRuntime(user, Duration.ofSeconds(60));
        String memory = memory(second, user);
        assertThat(memory)
                .startsWith(SeedScript.IDENTITY_BEGIN)
                .contains("- family name: The Lovelaces")
                .contains("- members: Ada, Byron")
                .contains("- timezone: Europe/London")
                .contains("- locale: en-GB")
                .contains("Ada codes at night.\nByron writes.")
                .contains(NOTE)
                .doesNotContain("(no account record)");
        assertThat(memory.indexOf(NOTE)).isGreaterThan(memory.indexOf(SeedScript.IDENTITY_END));
        List<Event> audit = audit(stack, user);
        assertThat(audit)
                .filteredOn(e -> e instanceof RuntimeStopped s && s.reason() == StopReason.ACCOUNT_UPDATED)
                .singleElement()
                .satisfies(e -> assertThat(((RuntimeStopped) e).causationId()).isEqualTo(sent.eventId()));
        assertThat(audit)
                .filteredOn(
                        e -> e instanceof RuntimeRecreated r && sent.eventId().equals(r.causationId()))
                .hasSize(1);
    }

    @Test
    void anOlderUpdateArrivingLaterChangesNeitherTheStoreNorTheRuntime(Stack stack) {
        UserId user = stack.newUser();
        Account newer = new Account(user, "Newer Name", null, null, null, null);
        new AccountAnnouncer(producer, stack.topics(), Clock.systemUTC()).announce(newer, "it");
        await().atMost(Duration.ofSeconds(30)).until(() -> store.account(user).isPresent());
        RuntimeHandle handle = client.ensureRuntime(user, Duration.ofSeconds(60));
        assertThat(memory(handle, user)).contains("Newer Name");
        String before = containerId(stack, user);
        Clock anHourAgo = Clock.fixed(Instant.now().minusSeconds(3600), ZoneOffset.UTC);

        new AccountAnnouncer(producer, stack.topics(), anHourAgo)
                .announce(new Account(user, "Older Name", null, null, null, null), "it");
        // a marker published after it shows the watcher read past it; the pause after it covers another partition
        UserId marker = stack.newUser();
        new AccountAnnouncer(producer, stack.topics(), Clock.systemUTC())
                .announce(new Account(marker, "Marker", null, null, null, null), "it");

        await().atMost(Duration.ofSeconds(30)).until(() -> store.account(marker).isPresent());
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(store.account(user)).contains(newer);
            assertThat(containerId(stack, user)).isEqualTo(before);
        });
        assertThat(audit(stack, user)).noneMatch(e -> e instanceof RuntimeStopped);
    }

    private static List<Event> audit(Stack stack, UserId user) {
        EventCodec codec = new EventCodec();
        return TopicDump.values(stack.bootstrapServers(), stack.topics().events()).stream()
                .map(codec::decode)
                .filter(e -> user.equals(e.userId()))
                .toList();
    }
}
