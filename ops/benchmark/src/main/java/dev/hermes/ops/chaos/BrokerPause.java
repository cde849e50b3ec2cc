package dev.hermes.ops.chaos;

import java.time.Duration;

/** b. The broker container paused (`docker pause`: frozen, connections open) for {@code paused}. */
public record BrokerPause(Duration paused) implements Fault {
    @Override
    public String name() {
        return "broker_pause";
    }

    @Override
    public String describe() {
        return "broker paused for " + paused.toSeconds() + " s";
    }

    @Override
    public Window inject(ScenarioContext context) throws InterruptedException {
        long start = context.stack().broker().pause().toEpochMilli();
        context.say("broker paused");
        Thread.sleep(paused.toMillis());
        long end = context.stack().broker().unpause().toEpochMilli();
        context.say("broker unpaused");
        return new Window(start, end);
    }
}
