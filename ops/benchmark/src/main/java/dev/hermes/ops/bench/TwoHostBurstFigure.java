package dev.hermes.ops.bench;

import dev.hermes.admin.DockerHost;
import dev.hermes.client.RuntimeClient;
import dev.hermes.ops.status.Engine;
import dev.hermes.ops.status.EngineContainer;
import dev.hermes.schemas.UserId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * burst200_2hosts: N new families requested at once over the stack's two Docker hosts (system), against N on
 * one host (raw) in the same run, in seconds. The one-host side drains the second host the way `ops/hermes hosts
 * drain` does, waits HERMES_BENCH_DRAIN_SETTLE_MS (the workers re-read drains every 5 s) and undrains it after.
 * Each side's families are counted per host (hermes.host) and forgotten before the next. A stack without two
 * hosts gets the figure "not measured", with the reason.
 */
public final class TwoHostBurstFigure {
    private final BenchStack stack;
    private final RuntimeClient client;

    public TwoHostBurstFigure(BenchStack stack, RuntimeClient client) {
        this.stack = stack;
        this.client = client;
    }

    public List<Figure> measure(int count) throws Exception {
        FigureSpec spec = FigureGroup.spec("burst200_2hosts");
        List<DockerHost> hosts = stack.engines().configured();
        Optional<String> whyNot = TwoHostCheck.whyNot(
                hosts, stack.engines().invalid(), stack.drains().draining());
        if (whyNot.isPresent()) {
            return List.of(spec.notMeasured(whyNot.get()));
        }
        String drained = hosts.get(1).name();
        long settleMs = Long.parseLong(stack.env()
                .get(
                        "HERMES_BENCH_DRAIN_SETTLE_MS",
                        Long.toString(dev.hermes.worker.docker.hosts.DrainedHosts.REFRESH.toMillis() + 1000)));
        FamilyBurst burst = new FamilyBurst(client, stack.janitor(), Duration.ofSeconds(Math.max(180, 2L * count)));
        client.ensureRuntime(burst.newFamilies(1).get(0), Duration.ofSeconds(130));
        List<UserId> twoHost = burst.newFamilies(count);
        double twoHostMs = burst.requestAllMs(twoHost);
        Map<String, Integer> twoHostSpread = spread(hosts, twoHost);
        stack.janitor().cleanSystem();
        double oneHostMs;
        Map<String, Integer> oneHostSpread;
        try {
            stack.drains().drain(drained);
            Thread.sleep(settleMs);
            List<UserId> oneHost = burst.newFamilies(count);
            oneHostMs = burst.requestAllMs(oneHost);
            oneHostSpread = spread(hosts, oneHost);
        } finally {
            stack.drains().undrainOurs();
        }
        stack.janitor().cleanSystem();
        Figure figure = spec.of(twoHostMs / 1000, oneHostMs / 1000);
        String notOneHost = TwoHostCheck.notOneHost(oneHostSpread, drained);
        if (notOneHost != null) {
            figure = spec.failed(notOneHost)
                    .with("system_measured", twoHostMs / 1000)
                    .with("raw_measured", oneHostMs / 1000);
        }
        figure = figure.with("n", count).with("drained_host", drained).with("drain_settle_ms", settleMs);
        for (var e : twoHostSpread.entrySet()) {
            figure = figure.with("system_on_" + e.getKey(), e.getValue());
        }
        for (var e : oneHostSpread.entrySet()) {
            figure = figure.with("raw_on_" + e.getKey(), e.getValue());
        }
        return List.of(figure.with(
                        "system_max_concurrent_spawns_per_worker",
                        stack.env().get("HERMES_MAX_CONCURRENT_SPAWNS", "64"))
                .with("workers", stack.fleet().workers()));
    }

    /** Where {@code users}' containers are: one list call per engine. */
    private Map<String, Integer> spread(List<DockerHost> hosts, List<UserId> users) {
        List<EngineContainer> containers = new ArrayList<>();
        for (Engine engine : stack.engines().engines()) {
            containers.addAll(engine.containers(stack.fleet().group()));
        }
        return TwoHostCheck.perHost(hosts.stream().map(DockerHost::name).toList(), containers, new HashSet<>(users));
    }
}
