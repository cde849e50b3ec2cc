package dev.hermes.worker.spawn;

import static dev.hermes.worker.spawn.SeedScript.IDENTITY_BEGIN;
import static dev.hermes.worker.spawn.SeedScript.IDENTITY_END;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hermes.client.RuntimeClient;
import dev.hermes.client.RuntimeHandle;
import dev.hermes.schemas.ApiKeys;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.testing.Agent;
import dev.hermes.worker.testing.ContainerShell;
import dev.hermes.worker.testing.HermesStack;
import dev.hermes.worker.testing.Stack;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, behaviour 1: the agent (uid 10000) plants links, a FIFO and odd markers in its volume; the runtime boots
 * again the way production does (stopped, then ensured), and the seed neither changes anything outside /opt/data nor
 * loses the family's notes, nor runs the agent as root.
 */
@HermesStack.Use
class HostileVolumeIT {
    private static final ApiKeys KEYS = ApiKeys.fromSecret(Stack.SECRET);
    private static final String AGENT = "10000:10000";
    private static final String ROOT = "0:0";
    private static RuntimeClient client;

    @BeforeAll
    static void startWorker(Stack stack) {
        stack.startWorker(Map.of());
        client = stack.client();
    }

    @Test
    void aHostileVolumeChangesNothingOutsideItLosesNoNoteAndTheAgentStaysUid10000(Stack stack) {
        UserId user = stack.newUser();
        RuntimeHandle first = client.ensureRuntime(user, Duration.ofSeconds(60));
        String name = first.containerName();
        String before = RootFilesystem.listing(stack.docker(), name);
        assertThat(before)
                .contains(
                        "/etc/passwd regular file 0:0 644",
                        "/opt/hermes/docker/entrypoint.sh regular file 0:0 755",
                        "  /opt/hermes/bin/hermes");

        // round A: links out of the volume where the seed used to write as root
        ContainerShell.check(
                stack.docker(),
                name,
                AGENT,
                String.join(
                        "\n",
                        "set -e; cd /opt/data",
                        "rm -rf memories && ln -s /etc memories",
                        "ln -s /opt/hermes/docker/entrypoint.sh .config.yaml.seed",
                        "rm -f config.yaml && ln -s /opt/hermes/docker/entrypoint.sh config.yaml",
                        "ln -s /etc/passwd .env",
                        "rm -rf whatsapp && mkdir whatsapp && ln -s /etc whatsapp/etc && ln -s /opt/hermes whatsapp/hermes",
                        "! ln /etc/passwd hard-passwd 2>/dev/null"));
        RuntimeHandle afterA = reboot(stack, user, name);
        assertBootedSafely(stack, user, afterA, before);
        assertThat(ContainerShell.check(stack.docker(), name, ROOT, "ls -A /opt/data"))
                .contains("memories.quarantined-", "config.yaml.quarantined-")
                .doesNotContain("whatsapp");

        // round B: a real memories/ with a link beside MEMORY.md, a FIFO config, CRLF notes with a lone begin marker
        ContainerShell.check(
                stack.docker(),
                name,
                AGENT,
                String.join(
                        "\n",
                        "set -e; cd /opt/data",
                        "rm -rf memories && mkdir memories",
                        "ln -s /etc/passwd memories/MEMORY.md.seed",
                        "printf '%s\\r\\n' '" + IDENTITY_BEGIN + "' 'Name: stale' '" + IDENTITY_END
                                + "' 'family line one'"
                                + " '  family line two ' '" + IDENTITY_BEGIN + "' 'after the lone marker' 'last line'"
                                + " > memories/MEMORY.md",
                        "rm -f config.yaml && mkfifo config.yaml",
                        "ln -s /opt/hermes whatsapp"));
        RuntimeHandle afterB = reboot(stack, user, name);
        String memory = assertBootedSafely(stack, user, afterB, before);
        assertThat(memory)
                .endsWith(IDENTITY_END
                        + "\nfamily line one\r\n  family line two \r\nafter the lone marker\r\nlast line\r\n")
                .doesNotContain("Name: stale");

        RuntimeHandle again = reboot(stack, user, name);
        assertThat(assertBootedSafely(stack, user, again, before)).isEqualTo(memory);
    }

    /**
     * Stops the runtime and ensures it again, as production does. The worker forgets a stopped runtime when Docker's
     * event arrives; an ensure that beats the event is answered from memory, so ensure until the container has
     * really started again.
     */
    private static RuntimeHandle reboot(Stack stack, UserId user, String name) {
        String startedAt = startedAt(stack, name);
        stack.docker().stopContainerCmd(name).withTimeout(2).exec();
        AtomicReference<RuntimeHandle> handle = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            handle.set(client.ensureRuntime(user, Duration.ofSeconds(60)));
            return !startedAt.equals(startedAt(stack, name));
        });
        return handle.get();
    }

    private static String startedAt(Stack stack, String name) {
        return stack.docker().inspectContainerCmd(name).exec().getState().getStartedAt();
    }

    /** Healthy, the root filesystem as before, one identity block on top, the agent uid 10000; returns MEMORY.md. */
    private static String assertBootedSafely(Stack stack, UserId user, RuntimeHandle handle, String before) {
        String name = handle.containerName();
        assertThat(Agent.status(handle.url(), "/v1/models", KEYS.keyFor(user))).isEqualTo(200);
        assertThat(RootFilesystem.listing(stack.docker(), name)).isEqualTo(before);
        assertThat(Agent.get(handle.url(), "/stub/file/config.yaml", KEYS.keyFor(user))
                        .body())
                .contains("api_server:");
        String memory = Agent.get(handle.url(), "/stub/file/memories/MEMORY.md", KEYS.keyFor(user))
                .body();
        assertThat(memory).startsWith(IDENTITY_BEGIN + "\n").contains(user.value());
        assertThat(memory.indexOf(IDENTITY_BEGIN)).isEqualTo(memory.lastIndexOf(IDENTITY_BEGIN));
        assertThat(memory.indexOf(IDENTITY_END)).isEqualTo(memory.lastIndexOf(IDENTITY_END));
        assertThat(Agent.get(handle.url(), "/stub/boot", KEYS.keyFor(user)).body())
                .contains("\"uid\":10000,");
        ContainerProcesses.assertOnlyDockerInitRunsAsRoot(stack.docker(), name);
        return memory;
    }
}
