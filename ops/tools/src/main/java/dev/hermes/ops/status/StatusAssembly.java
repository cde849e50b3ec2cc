package dev.hermes.ops.status;

import dev.hermes.schemas.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Joins the inputs into one line per family, by maps only (no per-family call). The families are those with a
 * container, a last-active record or an audit history; one that was forgotten (last event a FORGET stop, no
 * container, no last-active) is left out. A family with containers on two engines shows the running one; one with
 * none listed shows the host its last-active record names (its host may be down).
 */
public final class StatusAssembly {
    private StatusAssembly() {}

    public static List<RuntimeStatus> assemble(FleetInputs in, Instant now) {
        Map<UserId, EngineContainer> containers = new HashMap<>();
        for (EngineContainer c : in.containers()) {
            containers.merge(c.user(), c, StatusAssembly::preferLive);
        }
        Set<UserId> families = new HashSet<>(containers.keySet());
        families.addAll(in.lastActive().keySet());
        families.addAll(in.audit().keySet());
        List<RuntimeStatus> lines = new ArrayList<>(families.size());
        for (UserId user : families) {
            EngineContainer container = containers.get(user);
            AuditFacts audit = in.audit().getOrDefault(user, AuditFacts.NONE);
            Instant lastActive = in.lastActive().get(user);
            if (container == null && lastActive == null && audit.forgotten()) {
                continue;
            }
            lines.add(line(
                    user,
                    container,
                    audit,
                    lastActive,
                    in.lastHosts().get(user),
                    in.owners().ownerOf(user),
                    now));
        }
        lines.sort(Comparator.comparing(s -> s.user().value()));
        return lines;
    }

    private static RuntimeStatus line(
            UserId user,
            EngineContainer container,
            AuditFacts audit,
            Instant lastActive,
            String lastHost,
            String owner,
            Instant now) {
        RuntimeState state = container == null
                ? (audit.lastWasFailure() ? RuntimeState.FAILED : RuntimeState.STOPPED)
                : RuntimeState.of(container.dockerState(), audit.lastWasFailure());
        boolean live = state == RuntimeState.RUNNING || state == RuntimeState.PAUSED;
        Duration uptime =
                live && container.created() != null && !container.created().isAfter(now)
                        ? Duration.between(container.created(), now)
                        : null;
        return new RuntimeStatus(
                user,
                state,
                container == null ? lastHost : container.host(),
                owner,
                lastActive,
                container != null && container.settingsVersion() > 0
                        ? Long.valueOf(container.settingsVersion())
                        : audit.settingsVersion(),
                uptime,
                audit.lastFailure(),
                audit.lastFailureAt());
    }

    private static EngineContainer preferLive(EngineContainer a, EngineContainer b) {
        boolean aLive = RuntimeState.of(a.dockerState(), false) != RuntimeState.STOPPED;
        boolean bLive = RuntimeState.of(b.dockerState(), false) != RuntimeState.STOPPED;
        return aLive || !bLive ? a : b;
    }
}
