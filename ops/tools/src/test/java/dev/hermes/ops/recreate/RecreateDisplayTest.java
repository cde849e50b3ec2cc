package dev.hermes.ops.recreate;

import static dev.hermes.ops.recreate.FleetContainer.State.RUNNING;
import static dev.hermes.ops.recreate.FleetContainer.State.STOPPED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hermes.schemas.UserId;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecreateDisplayTest {
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final UserId a = UserId.of("00000000-0000-4000-8000-00000000000a");
    private final UserId b = UserId.of("00000000-0000-4000-8000-00000000000b");

    @Test
    void onATerminalOneBarIsRewrittenInPlaceAndEndsWithANewline() {
        RecreateDisplay display = new RecreateDisplay(new PrintStream(err, true, StandardCharsets.UTF_8), true);
        RecreateProgress half =
                RecreateProgress.of(List.of(new FleetContainer(a, 2, RUNNING), new FleetContainer(b, 1, RUNNING)), 2);
        RecreateProgress all =
                RecreateProgress.of(List.of(new FleetContainer(a, 2, RUNNING), new FleetContainer(b, 1, STOPPED)), 2);

        display.update(half, Duration.ofSeconds(3));
        display.finished(all, Duration.ofSeconds(4));

        String shown = err.toString(StandardCharsets.UTF_8);
        assertThat(shown)
                .startsWith("\r[" + "#".repeat(15) + ".".repeat(15) + "] recreate to settings version 2: 1/2 "
                        + "runtimes done, 1 still on an older version, 3 s")
                .contains("\r[" + "#".repeat(30) + "] recreate to settings version 2: 2/2 runtimes done (1 paused or "
                        + "stopped, replaced on their next ensure), 0 still on an older version, 4 s")
                .endsWith(System.lineSeparator());
        assertThat(shown.chars().filter(c -> c == '\n')).hasSize(1);
    }

    @Test
    void offATerminalAPlainLineIsPrintedWhenTheCountMovesOrEveryFiveSeconds() {
        RecreateDisplay display = new RecreateDisplay(new PrintStream(err, true, StandardCharsets.UTF_8), false);
        RecreateProgress none = RecreateProgress.of(List.of(new FleetContainer(a, 1, RUNNING)), 2);

        display.update(none, Duration.ofSeconds(0));
        display.update(none, Duration.ofSeconds(1));
        display.update(none, Duration.ofSeconds(5));

        assertThat(err.toString(StandardCharsets.UTF_8).lines())
                .containsExactly(
                        "recreate to settings version 2: 0/1 runtimes done, 1 still on an older version, 0 s",
                        "recreate to settings version 2: 0/1 runtimes done, 1 still on an older version, 5 s");
    }
}
