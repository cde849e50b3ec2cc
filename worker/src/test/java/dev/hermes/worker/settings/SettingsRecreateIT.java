package dev.hermes.worker.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.hermes.admin.Database;
import dev.hermes.admin.GlobalSettings;
import dev.hermes.admin.Secret;
import dev.hermes.admin.SettingsStore;
import dev.hermes.client.RuntimeClient;
import dev.hermes.client.RuntimeHandle;
import dev.hermes.schemas.ApiKeys;
import dev.hermes.schemas.Event;
import dev.hermes.schemas.EventCodec;
import dev.hermes.schemas.RuntimeRecreated;
import dev.hermes.schemas.SettingsChanged;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.Worker;
import dev.hermes.worker.kafka.EventPublisher;
import dev.hermes.worker.kafka.Partitions;
import dev.hermes.worker.testing.Agent;
import dev.hermes.worker.testing.HermesStack;
import dev.hermes.worker.testing.Stack;
import dev.hermes.worker.testing.TopicDump;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.LoggerFactory;

@HermesStack.Use
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SettingsRecreateIT {
    private static final ApiKeys KEYS = ApiKeys.fromSecret(Stack.SECRET);
    private static final String LLM_KEY = "sk-secret-" + UUID.randomUUID();
    private static final int CONCURRENCY = 2;
    private static final ListAppender<ILoggingEvent> LOGS = new ListAppender<>();
    private static SettingsStore store;
    private static EventPublisher publisher;
    private static RuntimeClient client;
    private static final List<Worker> WORKERS = new ArrayList<>();
    private static final List<UserId> USERS = new ArrayList<>();

    @BeforeAll
    static void start(Stack stack) {
        LOGS.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(LOGS);
        Database database = Database.open(stack.pgUrl(), "postgres", "", 2, Duration.ofSeconds(10));
        stack.closeLater(database);
        store = new SettingsStore(database.jdbi());
        store.save("openrouter", "model-v1", null, new Secret(LLM_KEY), "it");
        publisher = EventPublisher.connect(stack.bootstrapServers(), "it-admin", stack.topics(), new EventCodec());
        stack.closeLater(publisher);
        Map<String, String> config =
                Map.of("HERMES_RECREATE_CONCURRENCY", Integer.toString(CONCURRENCY), "HERMES_SETTINGS_POLL_SEC", "1");
        WORKERS.add(stack.startWorker(config));
        WORKERS.add(stack.startWorker(config));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> WORKERS.stream().allMatch(w -> !w.ownedPartitions().isEmpty() && w.ready()));
        client = stack.client();
    }

    @AfterAll
    static void detachLogs() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(LOGS);
    }

    private static String provider(RuntimeHandle h, UserId user) {
        return Agent.get(h.url(), "/stub/boot", KEYS.keyFor(user)).body();
    }

    private static GlobalSettings saveAndAnnounce(String provider) {
        GlobalSettings saved = store.save(provider, "model-" + provider, null, new Secret(LLM_KEY), "it");
        publisher
                .settingsChanged(new SettingsChanged(UUID.randomUUID(), Instant.now(), saved.version(), "it"))
                .join();
        return saved;
    }

    private static String containerId(Stack stack, UserId user) {
        return stack.docker().inspectContainerCmd(user.containerName()).exec().getId();
    }

    @Test
    @Order(1)
    void aSaveRecreatesEveryRunningRuntimeAcrossTheFleetWithinTheConcurrencyLimit(Stack stack) {
        while (USERS.size() < 5) {
            UserId user = stack.newUser();
            Worker owner = WORKERS.get(USERS.size() % 2);
            if (!owner.ownedPartitions().contains(Partitions.of(user, Stack.PARTITIONS))) {
                continue;
            }
            USERS.add(user);
            assertThat(provider(client.ensureRuntime(user, Duration.ofSeconds(60)), user))
                    .contains("\"provider\":\"openrouter\"");
        }
        long t0 = System.nanoTime();

        GlobalSettings v2 = saveAndAnnounce("anthropic");

        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
            for (UserId user : USERS) {
                assertThat(stack.docker()
                                .inspectContainerCmd(user.containerName())
                                .exec()
                                .getConfig()
                                .getLabels())
                        .containsEntry("hermes.settings-version", Long.toString(v2.version()));
            }
        });
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        for (UserId user : USERS) {
            RuntimeHandle h = client.ensureRuntime(user, Duration.ofSeconds(60));
            assertThat(h.settingsVersion()).isEqualTo(v2.version());
            assertThat(provider(h, user)).contains("\"provider\":\"anthropic\"").contains("\"ANTHROPIC_API_KEY\":true");
        }
        List<RuntimeRecreated> recreated = recreatedEvents(stack, v2.version());
        assertThat(recreated).extracting(RuntimeRecreated::userId).containsExactlyInAnyOrderElementsOf(USERS);
        for (Worker worker : WORKERS) {
            assertThat(maxOverlap(recreated.stream()
                            .filter(r -> r.workerId().equals(worker.config().workerId()))
                            .toList()))
                    .as("recreates at once on %s", worker.config().workerId())
                    .isBetween(1, CONCURRENCY);
        }
        assertThat(took).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    @Order(2)
    void theSameSettingsChangedTwiceRecreatesNothingTheSecondTime(Stack stack) {
        long version = store.currentVersion();
        List<String> before = USERS.stream().map(u -> containerId(stack, u)).toList();
        int eventsBefore = recreatedEvents(stack, version).size();

        for (int i = 0; i < 2; i++) {
            publisher
                    .settingsChanged(new SettingsChanged(UUID.randomUUID(), Instant.now(), version, "it"))
                    .join();
        }

        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(USERS.stream().map(u -> containerId(stack, u)).toList()).isEqualTo(before);
            assertThat(recreatedEvents(stack, version)).hasSize(eventsBefore);
        });
    }

    @Test
    @Order(3)
    void aStoppedRuntimeBootsWithTheNewSettingsWhenNextStarted(Stack stack) {
        UserId user = stack.newUser();
        client.ensureRuntime(user, Duration.ofSeconds(60));
        stack.docker().stopContainerCmd(user.containerName()).withTimeout(2).exec();

        GlobalSettings v = saveAndAnnounce("openai");
        RuntimeHandle h = client.ensureRuntime(user, Duration.ofSeconds(60));

        assertThat(h.settingsVersion()).isEqualTo(v.version());
        assertThat(provider(h, user)).contains("\"provider\":\"openai\"").contains("\"OPENAI_API_KEY\":true");
    }

    @Test
    @Order(4)
    void aChangeWhosePublishWasLostStillReachesTheWorkers(Stack stack) {
        GlobalSettings v = store.save("openrouter", "model-unannounced", null, new Secret(LLM_KEY), "it");

        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
            for (UserId user : USERS) {
                assertThat(stack.docker()
                                .inspectContainerCmd(user.containerName())
                                .exec()
                                .getConfig()
                                .getLabels())
                        .containsEntry("hermes.settings-version", Long.toString(v.version()));
            }
        });
        UserId user = USERS.get(0);
        assertThat(provider(client.ensureRuntime(user, Duration.ofSeconds(60)), user))
                .contains("\"model\":\"model-unannounced\"");
    }

    @Test
    @Order(5)
    void theLlmKeyAppearsNowhereOutsideTheDatabaseAndTheContainersEnv(Stack stack) {
        for (String topic : List.of(
                stack.topics().requests(),
                stack.topics().replies(),
                stack.topics().events(),
                stack.topics().lastActive(),
                stack.topics().settings(),
                stack.topics().dlq())) {
            assertThat(TopicDump.allText(stack.bootstrapServers(), topic))
                    .as(topic)
                    .doesNotContain(LLM_KEY)
                    .doesNotContain(Stack.SECRET);
        }
        for (UserId user : USERS) {
            var container =
                    stack.docker().inspectContainerCmd(user.containerName()).exec();
            assertThat(container.getConfig().getLabels().toString()).doesNotContain(LLM_KEY);
            assertThat(Arrays.asList(container.getConfig().getEnv())).anyMatch(e -> e.endsWith("=" + LLM_KEY));
            assertThat(Agent.get(
                                    client.ensureRuntime(user, Duration.ofSeconds(30))
                                            .url(),
                                    "/stub/file/config.yaml",
                                    KEYS.keyFor(user))
                            .body())
                    .doesNotContain(LLM_KEY);
        }
        assertThat(LOGS.list)
                .isNotEmpty()
                .noneSatisfy(e -> assertThat(e.getFormattedMessage()
                                + (e.getThrowableProxy() == null
                                        ? ""
                                        : e.getThrowableProxy().getMessage()))
                        .containsAnyOf(LLM_KEY, Stack.SECRET));
        assertThat(store.current().toString() + WORKERS.get(0).config().toString())
                .doesNotContain(LLM_KEY)
                .doesNotContain(Stack.SECRET);
    }

    private static List<RuntimeRecreated> recreatedEvents(Stack stack, long version) {
        EventCodec codec = new EventCodec();
        List<RuntimeRecreated> found = new ArrayList<>();
        for (byte[] value :
                TopicDump.values(stack.bootstrapServers(), stack.topics().events())) {
            Event e = codec.decode(value);
            if (e instanceof RuntimeRecreated r && r.settingsVersion() == version) {
                found.add(r);
            }
        }
        return found;
    }

    /** The most recreates in progress at one moment, from each one's end time and duration. */
    static int maxOverlap(List<RuntimeRecreated> events) {
        int max = 0;
        for (RuntimeRecreated a : events) {
            Instant t = a.occurredAt();
            int running = 0;
            for (RuntimeRecreated b : events) {
                Instant start = b.occurredAt().minusMillis(b.durationMs());
                if (!start.isAfter(t) && !b.occurredAt().isBefore(t)) {
                    running++;
                }
            }
            max = Math.max(max, running);
        }
        return max;
    }
}
