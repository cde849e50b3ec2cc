package dev.hermes.ops.chaos;

import java.time.Duration;

/** a. The broker container SIGKILLed (`docker kill`) and started again {@code down} later, on the same port. */
public record BrokerKill(Duration down) implements Fault {
    @Override
    public String name() {
        return "broker_kill";
    }

    @Override
    public String describe() {
        return "broker killed with SIGKILL, restarted " + down.toSeconds() + " s later";
    }

    @Override
    public Window inject(ScenarioContext context) throws InterruptedException {
        long start = context.stack().broker().kill().toEpochMilli();
        context.say("broker killed");
        Thread.sleep(down.toMillis());
        long end = context.stack().broker().startAgain().toEpochMilli();
        context.say("broker started again");
        return new Window(start, end);
    }
}
