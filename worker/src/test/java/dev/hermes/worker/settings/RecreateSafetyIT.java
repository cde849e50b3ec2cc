package dev.hermes.worker.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hermes.admin.Account;
import dev.hermes.admin.Database;
import dev.hermes.admin.GlobalSettings;
import dev.hermes.admin.Secret;
import dev.hermes.admin.SettingsStore;
import dev.hermes.client.RuntimeClient;
import dev.hermes.client.RuntimeHandle;
import dev.hermes.schemas.EventCodec;
import dev.hermes.schemas.SettingsChanged;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.Wiring;
import dev.hermes.worker.Worker;
import dev.hermes.worker.kafka.EventPublisher;
import dev.hermes.worker.testing.Agent;
import dev.hermes.worker.testing.HermesStack;
import dev.hermes.worker.testing.Stack;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * A settings-change recreate while the worker cannot read PostgreSQL: the family keeps its old runtime, which keeps
 * answering, and the periodic settings check recreates it once the reads work again (no second SettingsChanged).
 */
@HermesStack.Use
class RecreateSafetyIT {
    private final AtomicBoolean readsFail = new AtomicBoolean();

    /** The worker's settings and account reads, failing while {@link #readsFail} is set. */
    private SettingsSource failing(SettingsStore store) {
        SettingsSource real = SettingsSource.of(store);
        return new SettingsSource() {
            @Override
            public GlobalSettings current() {
                if (readsFail.get()) {
                    throw new IllegalStateException("connection refused (test)");
                }
                return real.current();
            }

            @Override
            public Optional<Account> account(UserId userId) {
                if (readsFail.get()) {
                    throw new IllegalStateException("connection refused (test)");
                }
                return real.account(userId);
            }
        };
    }

    private static String readyz(Worker worker) {
        return Agent.get("http://127.0.0.1:" + worker.httpPort(), "/readyz", null)
                .body();
    }

    private static String containerId(Stack stack, UserId user) {
        return stack.docker().inspectContainerCmd(user.containerName()).exec().getId();
    }

    @Test
    void aRecreateWhoseReadsFailLeavesTheFamilyServedAndCompletesWhenTheyWork(Stack stack) {
        Database database = Database.open(stack.pgUrl(), "postgres", "", 2, Duration.ofSeconds(10));
        stack.closeLater(database);
        SettingsStore store = new SettingsStore(database.jdbi());
        store.save("openrouter", "model-v1", null, new Secret("sk-1"), "it");
        EventPublisher publisher =
                EventPublisher.connect(stack.bootstrapServers(), "it-admin", stack.topics(), new EventCodec());
        stack.closeLater(publisher);
        Worker worker = stack.startWorker(Map.of("HERMES_SETTINGS_POLL_SEC", "2"), config -> new Wiring(config) {
            @Override
            protected SettingsSource settingsSource(SettingsStore real) {
                return failing(real);
            }
        });
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !worker.ownedPartitions().isEmpty() && worker.ready());
        RuntimeClient client = stack.client();
        UserId user = stack.newUser();
        RuntimeHandle before = client.ensureRuntime(user, Duration.ofSeconds(60));
        String oldId = containerId(stack, user);

        readsFail.set(true);
        await().atMost(Duration.ofSeconds(10)).until(() -> readyz(worker).startsWith("degraded: PostgreSQL"));
        GlobalSettings v2 = store.save("anthropic", "model-v2", null, new Secret("sk-2"), "it");
        publisher
                .settingsChanged(new SettingsChanged(UUID.randomUUID(), Instant.now(), v2.version(), "it"))
                .join();

        await().during(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(8)).untilAsserted(() -> {
            assertThat(containerId(stack, user)).isEqualTo(oldId);
            assertThat(Agent.healthy(before.url())).isTrue();
        });
        RuntimeHandle during = client.ensureRuntime(user, Duration.ofSeconds(10));
        assertThat(during.url()).isEqualTo(before.url());
        assertThat(during.settingsVersion()).isEqualTo(before.settingsVersion());

        readsFail.set(false);
        await().atMost(Duration.ofSeconds(30))
                .ignoreExceptions()
                .untilAsserted(
                        () -> assertThat(stack.settingsVersionLabel(user)).isEqualTo(Long.toString(v2.version())));
        assertThat(containerId(stack, user)).isNotEqualTo(oldId);
        assertThat(readyz(worker)).isEqualTo("ok\n");
        assertThat(client.ensureRuntime(user, Duration.ofSeconds(60)).settingsVersion())
                .isEqualTo(v2.version());
    }
}
