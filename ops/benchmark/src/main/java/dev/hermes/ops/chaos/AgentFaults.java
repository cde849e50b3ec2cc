package dev.hermes.ops.chaos;

import dev.hermes.schemas.UserId;
import java.time.Duration;
import java.util.List;

/**
 * d. Three families with a broken agent, through the stand-in's switch files in their volumes: one that
 * hangs 2 s after its first /health 200, one that dies every 2 s, one that never becomes healthy. Each is
 * asked for every 2 s (deadline 40 s: longer than the workers' 30 s health timeout) for {@code lasting},
 * while the healthy families' load goes on: their figures show whether a broken family hurts the others.
 */
public record AgentFaults(Duration lasting) implements Fault {
    @Override
    public String name() {
        return "agents";
    }

    @Override
    public String describe() {
        return "agents: one hangs after ready, one dies every 2 s, one never healthy; asked for every 2 s for "
                + lasting.toSeconds() + " s";
    }

    @Override
    public Window inject(ScenarioContext context) throws InterruptedException {
        ChaosVolumes volumes = new ChaosVolumes(context.stack());
        UserId hangs = UserId.random();
        UserId dies = UserId.random();
        UserId neverHealthy = UserId.random();
        volumes.seed(hangs, "echo 2000 > /opt/data/.stub/hang-after-ms");
        volumes.seed(dies, "echo 2000 > /opt/data/.stub/die-after-ms");
        volumes.seed(neverHealthy, "touch /opt/data/.stub/never-healthy");
        context.say("agents: hangs %s, dies %s, never healthy %s", hangs, dies, neverHealthy);
        long start = System.currentTimeMillis();
        context.load().addAgents(List.of(hangs, dies, neverHealthy), Duration.ofSeconds(40));
        Thread.sleep(lasting.toMillis());
        context.load().stopAgents();
        return new Window(start, System.currentTimeMillis());
    }
}
