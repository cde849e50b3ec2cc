package dev.hermes.ops.chaos;

import java.io.PrintStream;

/** What a fault works with: the stack, the load in flight, the load's shape, and the progress stream. */
public record ScenarioContext(ChaosStack stack, LoadGenerator load, LoadShape shape, PrintStream progress) {

    public void say(String format, Object... args) {
        progress.printf("[chaos] " + format + "%n", args);
    }
}
