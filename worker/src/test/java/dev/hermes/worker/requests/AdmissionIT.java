package dev.hermes.worker.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.exception.NotFoundException;
import dev.hermes.admin.Account;
import dev.hermes.admin.AccountAnnouncer;
import dev.hermes.admin.Database;
import dev.hermes.admin.KafkaAccess;
import dev.hermes.admin.SettingsStore;
import dev.hermes.client.RuntimeClient;
import dev.hermes.client.RuntimeFailedException;
import dev.hermes.client.RuntimeHandle;
import dev.hermes.schemas.FailureReason;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.testing.HermesStack;
import dev.hermes.worker.testing.Stack;
import dev.hermes.worker.testing.TopicDump;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** HERMES_ADMISSION=known-accounts on a real stack: no account, no container and no volume. */
@HermesStack.Use
class AdmissionIT {
    private static SettingsStore store;
    private static RuntimeClient client;
    private static KafkaProducer<byte[], byte[]> producer;

    @BeforeAll
    static void start(Stack stack) {
        Database database = Database.open(stack.pgUrl(), "postgres", "", 2, Duration.ofSeconds(10));
        stack.closeLater(database);
        store = new SettingsStore(database.jdbi());
        producer = KafkaAccess.of(stack.bootstrapServers()).openProducer("it-admission");
        stack.closeLater(producer);
        stack.startWorker(Map.of("HERMES_ADMISSION", "known-accounts"));
        client = stack.client();
    }

    private static boolean containerExists(Stack stack, UserId user) {
        try {
            stack.docker().inspectContainerCmd(user.containerName()).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    private static boolean volumeExists(Stack stack, UserId user) {
        try {
            stack.docker().inspectVolumeCmd(user.volumeName()).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    @Test
    void aFamilyWithoutAnAccountIsAnsweredUnknownFamilyAndGetsNoContainerOrVolume(Stack stack) {
        UserId user = stack.newUser();

        assertThatThrownBy(() -> client.ensureRuntime(user, Duration.ofSeconds(30)))
                .isInstanceOfSatisfying(
                        RuntimeFailedException.class,
                        e -> assertThat(e.reason()).isEqualTo(FailureReason.UNKNOWN_FAMILY))
                .hasMessageContaining("has no account");

        assertThat(containerExists(stack, user)).isFalse();
        assertThat(volumeExists(stack, user)).isFalse();
        assertThat(lastActiveOf(stack, user))
                .as("no activity is recorded for it")
                .isEmpty();
    }

    private static java.util.List<byte[]> lastActiveOf(Stack stack, UserId user) {
        return TopicDump.records(stack.bootstrapServers(), stack.topics().lastActive()).stream()
                .filter(r -> r.key() != null && java.util.Arrays.equals(r.key(), user.asciiBytes()))
                .map(r -> r.value())
                .toList();
    }

    @Test
    void aHeartbeatOfAFamilyWithoutAnAccountStartsNothing(Stack stack) {
        UserId user = stack.newUser();

        for (int i = 0; i < 3; i++) {
            client.heartbeat(user).join();
        }

        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(containerExists(stack, user)).isFalse();
            assertThat(volumeExists(stack, user)).isFalse();
        });
        assertThat(lastActiveOf(stack, user)).isEmpty();
    }

    @Test
    void aFamilyWhoseAccountArrivesOnTheTopicIsServed(Stack stack) {
        UserId user = stack.newUser();
        assertThatThrownBy(() -> client.ensureRuntime(user, Duration.ofSeconds(30)))
                .isInstanceOf(RuntimeFailedException.class);

        new AccountAnnouncer(producer, stack.topics(), Clock.systemUTC())
                .announce(new Account(user, "Now Known", null, null, null, null), "it");
        await().atMost(Duration.ofSeconds(30)).until(() -> store.account(user).isPresent());

        RuntimeHandle handle = client.ensureRuntime(user, Duration.ofSeconds(60));
        assertThat(handle.containerName()).isEqualTo(user.containerName());
        assertThat(containerExists(stack, user)).isTrue();
    }

    @Test
    void aFamilyWhoseAccountWasWrittenStraightToTheDatabaseIsServedAfterOneLookup(Stack stack) {
        UserId user = stack.newUser();
        store.saveAccount(new Account(user, "Written Directly", null, null, null, null));

        RuntimeHandle handle = client.ensureRuntime(user, Duration.ofSeconds(60));

        assertThat(handle.containerName()).isEqualTo(user.containerName());
    }
}
