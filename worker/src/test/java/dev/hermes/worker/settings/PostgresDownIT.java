package dev.hermes.worker.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.hermes.admin.Account;
import dev.hermes.admin.Database;
import dev.hermes.admin.Secret;
import dev.hermes.admin.SettingsStore;
import dev.hermes.client.RuntimeClient;
import dev.hermes.client.RuntimeHandle;
import dev.hermes.schemas.ApiKeys;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.Worker;
import dev.hermes.worker.testing.Agent;
import dev.hermes.worker.testing.HermesStack;
import dev.hermes.worker.testing.PrivatePostgres;
import dev.hermes.worker.testing.Stack;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL stopped under a serving worker, and a worker started while it is down, on a PostgreSQL server of the
 * test's own (the machine's shared one is never stopped).
 */
@HermesStack.Use
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostgresDownIT {
    private static final ApiKeys KEYS = ApiKeys.fromSecret(Stack.SECRET);
    private static final ListAppender<ILoggingEvent> LOGS = new ListAppender<>();
    private static PrivatePostgres postgres;
    private static Map<String, String> env;
    private static Worker worker;
    private static RuntimeClient client;

    @BeforeAll
    static void start(Stack stack) throws Exception {
        LOGS.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(LOGS);
        postgres = PrivatePostgres.start();
        stack.closeLater(postgres);
        Database database = Database.open(postgres.jdbcUrl(), "postgres", "", 1, Duration.ofSeconds(20));
        SettingsStore store = new SettingsStore(database.jdbi());
        store.save("openrouter", "model-v1", null, new Secret("sk-1"), "it");
        database.close();
        env = Map.of("HERMES_PG_URL", postgres.jdbcUrl());
        worker = stack.startWorker(env);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !worker.ownedPartitions().isEmpty() && worker.ready());
        client = stack.client();
    }

    @AfterAll
    static void detachLogs() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(LOGS);
    }

    private static HttpResponse<String> get(Worker w, String path) {
        return Agent.get("http://127.0.0.1:" + w.httpPort(), path, null);
    }

    private static String degradedGauge(Worker w) {
        return get(w, "/metrics")
                .body()
                .lines()
                .filter(l -> l.startsWith("hermes_degraded{") && l.contains("dependency=\"postgres\""))
                .findFirst()
                .orElse("none");
    }

    private static String memory(RuntimeHandle h, UserId user) {
        return Agent.get(h.url(), "/stub/file/memories/MEMORY.md", KEYS.keyFor(user))
                .body();
    }

    private static String configHash(Stack stack, UserId user) {
        return stack.docker()
                .inspectContainerCmd(user.containerName())
                .exec()
                .getConfig()
                .getLabels()
                .get("hermes.config-hash");
    }

    @Test
    @Order(1)
    void warmAndColdSpawnsGoOnWhileItIsDownAndTheWorkerSaysItIsDegraded(Stack stack) throws Exception {
        UserId warm = stack.newUser();
        UserId known = stack.newUser();
        try (Database database = Database.open(postgres.jdbcUrl(), "postgres", "", 1, Duration.ofSeconds(20))) {
            new SettingsStore(database.jdbi())
                    .saveAccountIfNewer(
                            new Account(known, "The Curies", null, null, "Marie, Pierre", null),
                            Instant.now(),
                            UUID.randomUUID(),
                            "it");
        }
        RuntimeHandle warmBefore = client.ensureRuntime(warm, Duration.ofSeconds(60));
        RuntimeHandle knownBefore = client.ensureRuntime(known, Duration.ofSeconds(60));
        assertThat(memory(knownBefore, known)).contains("family name: The Curies");
        String knownHash = configHash(stack, known);
        stack.docker().removeContainerCmd(known.containerName()).withForce(true).exec(); // as a reap would
        await().atMost(Duration.ofSeconds(10))
                .until(() -> worker.registry().get(known).isEmpty());
        assertThat(get(worker, "/readyz").body()).isEqualTo("ok\n");
        assertThat(degradedGauge(worker)).endsWith(" 0.0");

        postgres.stopServer();

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            HttpResponse<String> readyz = get(worker, "/readyz");
            assertThat(readyz.statusCode())
                    .as("degraded but serving keeps its traffic")
                    .isEqualTo(200);
            assertThat(readyz.body()).startsWith("degraded: PostgreSQL unreachable");
            assertThat(degradedGauge(worker)).endsWith(" 1.0");
        });
        long t0 = System.nanoTime();
        RuntimeHandle warmDuring = client.ensureRuntime(warm, Duration.ofSeconds(5));
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(2));
        assertThat(warmDuring.url()).isEqualTo(warmBefore.url());

        t0 = System.nanoTime();
        RuntimeHandle knownDuring = client.ensureRuntime(known, Duration.ofSeconds(60));
        Duration coldTook = Duration.ofNanos(System.nanoTime() - t0);
        assertThat(knownDuring.url()).isNotEqualTo(knownBefore.url());
        assertThat(configHash(stack, known))
                .as("the same settings and identity as before the outage")
                .isEqualTo(knownHash);
        assertThat(memory(knownDuring, known)).contains("family name: The Curies");
        assertThat(coldTook).isLessThan(Duration.ofSeconds(20));

        UserId neverRead = stack.newUser();
        RuntimeHandle fresh = client.ensureRuntime(neverRead, Duration.ofSeconds(60));
        assertThat(Agent.healthy(fresh.url())).isTrue();
        assertThat(Agent.status(fresh.url(), "/stub/file/memories/MEMORY.md", KEYS.keyFor(neverRead)))
                .as("no identity known: no identity block written")
                .isEqualTo(404);

        postgres.startServer();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(get(worker, "/readyz").body()).isEqualTo("ok\n");
            assertThat(degradedGauge(worker)).endsWith(" 0.0");
        });
        assertThat(client.ensureRuntime(known, Duration.ofSeconds(10)).url()).isEqualTo(knownDuring.url());
    }

    @Test
    @Order(2)
    void aWorkerStartedWhileItIsDownWaitsSaysSoAndServesOnceItIsUp(Stack stack) throws Exception {
        postgres.stopServer();
        LOGS.list.clear();
        CompletableFuture<Worker> starting = CompletableFuture.supplyAsync(() -> stack.startWorker(env));

        await().during(Duration.ofSeconds(12)).atMost(Duration.ofSeconds(14)).until(() -> !starting.isDone());
        assertThat(LOGS.list.stream()
                        .map(ILoggingEvent::getFormattedMessage)
                        .filter(m -> m.startsWith("waiting for PostgreSQL at " + postgres.jdbcUrl() + ": ")))
                .as("said every 5 s (each try waits out the pool's 5 s connection timeout)")
                .hasSizeGreaterThanOrEqualTo(2);

        postgres.startServer();

        Worker late = starting.get(60, java.util.concurrent.TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> late.ready() && !late.ownedPartitions().isEmpty());
        for (int i = 0; i < 4; i++) {
            UserId user = stack.newUser();
            assertThat(Agent.healthy(
                            client.ensureRuntime(user, Duration.ofSeconds(60)).url()))
                    .isTrue();
        }
    }
}
