package dev.hermes.worker.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermes.schemas.UserId;
import dev.hermes.worker.docker.ContainerEvent;
import dev.hermes.worker.docker.ContainerSpec;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ContainerDeathsTest {
    private final RuntimeRegistry registry = new RuntimeRegistry();
    private final List<String> died = new CopyOnWriteArrayList<>();
    private final ContainerDeaths deaths = new ContainerDeaths(
            registry,
            ContainerSpec.LABEL_USER,
            (runtime, reason, exitCode, asked) ->
                    died.add(runtime.containerId() + " " + reason + " " + exitCode + (asked ? " asked" : "")),
            null); // pause and unpause events are ignored

    private Runtime warm(String containerId) {
        Runtime runtime = Runtime.of(UserId.random(), containerId, "http://127.0.0.1:40001", 1, Instant.EPOCH);
        registry.put(runtime);
        return runtime;
    }

    private void event(Runtime runtime, String action, String exitCode) {
        Map<String, String> attributes = exitCode == null
                ? Map.of(ContainerSpec.LABEL_USER, runtime.userId().value())
                : Map.of(ContainerSpec.LABEL_USER, runtime.userId().value(), "exitCode", exitCode);
        deaths.on(new ContainerEvent(runtime.containerId(), action, attributes));
    }

    @Test
    void aKillOnlySendsASignalTheDieThatFollowsCarriesTheExitCode() {
        Runtime runtime = warm("c1");

        event(runtime, "kill", null);
        assertThat(registry.find(runtime.userId()))
                .as("a signal may be survived")
                .isEqualTo(runtime);

        event(runtime, "die", "137");
        event(runtime, "stop", null);
        event(runtime, "destroy", null);

        assertThat(registry.find(runtime.userId())).isNull();
        assertThat(died).containsExactly("c1 DIED 137");
    }

    @Test
    void aDeathAfterSigtermIsAStopAskedForAndASigkillIsNot() {
        Runtime stopped = warm("c6");
        Runtime killed = warm("c7");

        deaths.on(new ContainerEvent(
                "c6", "kill", Map.of(ContainerSpec.LABEL_USER, stopped.userId().value(), "signal", "15")));
        event(stopped, "die", "143");
        deaths.on(new ContainerEvent(
                "c7", "kill", Map.of(ContainerSpec.LABEL_USER, killed.userId().value(), "signal", "9")));
        event(killed, "die", "137");

        assertThat(died).containsExactly("c6 DIED 143 asked", "c7 DIED 137");
    }

    @Test
    void aDeathAfterAnOomEventIsOomKilled() {
        Runtime runtime = warm("c2");
        Runtime other = warm("c3");

        event(runtime, "oom", null);
        event(runtime, "die", "137");
        event(other, "die", "1");

        assertThat(died).containsExactly("c2 OOM_KILLED 137", "c3 DIED 1");
    }

    @Test
    void aStopTheWorkerMadeItselfIsNotADeath() {
        Runtime reaped = warm("c4");
        registry.remove(reaped.userId()); // every stop of the worker leaves the warm set first

        event(reaped, "die", "0");

        assertThat(died).isEmpty();
    }

    @Test
    void anUnreadableExitCodeIsLeftOut() {
        Runtime runtime = warm("c5");

        event(runtime, "die", "-1");

        assertThat(died).containsExactly("c5 DIED null");
    }
}
