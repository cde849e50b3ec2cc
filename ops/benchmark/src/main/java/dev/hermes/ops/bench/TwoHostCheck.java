package dev.hermes.ops.bench;

import dev.hermes.admin.DockerHost;
import dev.hermes.ops.status.EngineContainer;
import dev.hermes.schemas.UserId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The pure decisions of burst200_2hosts: whether the stack allows it (exactly two Docker hosts, neither
 * draining), where a burst's families landed (their containers' hermes.host label), and whether the one-host
 * side really was on one host.
 */
public final class TwoHostCheck {
    static final String HOW = "start the stack with: ops/local up --docker-hosts 2";

    private TwoHostCheck() {}

    /**
     * Why the figure cannot run on this stack, or empty when it can.
     *
     * @param hosts what HERMES_DOCKER_HOSTS lists (empty: unset)
     * @param invalid why HERMES_DOCKER_HOSTS does not parse, or null
     * @param draining the hosts draining now
     */
    public static Optional<String> whyNot(List<DockerHost> hosts, String invalid, Set<String> draining) {
        if (invalid != null) {
            return Optional.of(BenchEngines.SETTING + " does not parse: " + invalid);
        }
        if (hosts.size() != 2) {
            String listed = hosts.isEmpty() ? "is not set (one Docker engine)" : "lists " + hosts.size() + " hosts";
            return Optional.of("needs exactly two Docker hosts; " + BenchEngines.SETTING + " " + listed + "; " + HOW);
        }
        for (DockerHost host : hosts) {
            if (draining.contains(host.name())) {
                return Optional.of(
                        "host " + host.name() + " is draining; open it first: ops/hermes hosts undrain " + host.name());
            }
        }
        return Optional.empty();
    }

    /** How many of {@code users} have a container on each host: every host of {@code hosts} (0 if none), in order. */
    public static Map<String, Integer> perHost(
            List<String> hosts, Collection<EngineContainer> containers, Set<UserId> users) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        hosts.forEach(h -> counts.put(h, 0));
        for (EngineContainer c : containers) {
            if (users.contains(c.user())) {
                counts.merge(c.host(), 1, Integer::sum);
            }
        }
        return counts;
    }

    /** Why the one-host side was not on one host (families on the drained host), or null when it was. */
    public static String notOneHost(Map<String, Integer> oneHostSide, String drained) {
        int strays = oneHostSide.getOrDefault(drained, 0);
        return strays == 0
                ? null
                : strays + " families of the one-host burst landed on the drained host " + drained
                        + " (the workers had not read the drain yet: raise HERMES_BENCH_DRAIN_SETTLE_MS)";
    }
}
