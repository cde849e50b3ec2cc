package dev.hermes.worker.lifecycle;

import dev.hermes.schemas.StopReason;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.activity.ActivityTracker;
import dev.hermes.worker.audit.LifecycleAudit;
import dev.hermes.worker.audit.RuntimeFact;
import dev.hermes.worker.lanes.KeyedExecutor;
import dev.hermes.worker.metrics.Meters;
import dev.hermes.worker.runtime.Runtime;
import dev.hermes.worker.runtime.RuntimeDeathListener;
import dev.hermes.worker.spawn.EnsureFailedException;
import dev.hermes.worker.spawn.Ensurer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens to a warm runtime found dead (a Docker {@code die}/{@code oom} event, or a re-list) or hung (the
 * liveness check), once it left the warm set: it is audited RuntimeStopped DIED or OOM_KILLED with its exit code, or
 * its hung container is removed on the family's lane and audited UNHEALTHY. Then, if the family was active within
 * RUNTIME_IDLE_SEC, an ensure on its lane brings it back (audited as usual); otherwise it stays stopped, as does one
 * stopped on purpose ({@code docker stop}) or removed ({@code docker rm -f}, {@code ops/hermes forget}): the family's
 * next request starts it. Everything
 * that touches Docker or Kafka runs on the family's lane, so it never interleaves with a request, recreate or reap; the
 * caller (the event thread, an HTTP callback) only queues.
 */
public final class RuntimeRecovery implements RuntimeDeathListener {
    private static final Logger log = LoggerFactory.getLogger(RuntimeRecovery.class);
    private final KeyedExecutor<UserId> lanes;
    private final Ensurer ensurer;
    private final ActivityTracker activity;
    private final LifecycleAudit audit;
    private final Meters meters;
    private final Clock clock;
    private final Duration idleTimeout;

    /** @param idleTimeout RUNTIME_IDLE_SEC: a family active more recently gets its runtime back */
    public RuntimeRecovery(
            KeyedExecutor<UserId> lanes,
            Ensurer ensurer,
            ActivityTracker activity,
            LifecycleAudit audit,
            Meters meters,
            Clock clock,
            Duration idleTimeout) {
        this.lanes = lanes;
        this.ensurer = ensurer;
        this.activity = activity;
        this.audit = audit;
        this.meters = meters;
        this.clock = clock;
        this.idleTimeout = idleTimeout;
    }

    @Override
    public void died(Runtime runtime, StopReason reason, Long exitCode, boolean stopAsked) {
        UserId user = runtime.userId();
        meters.runtimes().reaped(reason.name());
        RuntimeFact.Stopped stopped =
                new RuntimeFact.Stopped(clock.instant(), runtime.containerName(), reason, false, false, exitCode);
        // audited on the lane too, not by the caller (the Docker event thread): a producer that blocks (no metadata,
        // a full buffer) must not hold up the events behind this one; the lane also keeps it before the restart's
        lanes.submit(user, () -> {
            audit.record(user, null, stopped);
            if (stopAsked) {
                log.info("runtime of user={} was stopped on purpose (SIGTERM): not brought back", user);
                return;
            }
            if (ensurer.removedOnPurpose(runtime)) {
                // forget, or docker rm -f: bringing it back would spawn what nobody asked for (with an empty volume,
                // if the data went too)
                log.info("runtime of user={} was removed on purpose: not brought back", user);
                return;
            }
            List<RuntimeFact> facts = new ArrayList<>();
            restartIfActive(user, facts);
            audit.record(user, null, facts);
        });
    }

    /** The liveness check took {@code runtime} out of the warm set as hung. */
    public void unhealthy(Runtime runtime) {
        UserId user = runtime.userId();
        lanes.submit(user, () -> {
            List<RuntimeFact> facts = new ArrayList<>();
            try {
                if (!ensurer.retireUnhealthy(user, facts)) {
                    return; // an ensure on the lane did it first
                }
                meters.runtimes().reaped(StopReason.UNHEALTHY.name());
                restartIfActive(user, facts);
            } catch (RuntimeException e) {
                log.warn("removing the hung runtime of user={} failed: {}", user, e.getMessage());
            } finally {
                audit.record(user, null, facts);
            }
        });
    }

    /** Whether the family was active within RUNTIME_IDLE_SEC (a family with no activity known is not). */
    boolean activeRecently(UserId user) {
        ActivityTracker.Activity known = activity.get(user);
        return known != null && known.lastActiveAt().isAfter(clock.instant().minus(idleTimeout));
    }

    private void restartIfActive(UserId user, List<RuntimeFact> facts) {
        if (!activeRecently(user)) {
            log.info("runtime of user={} stays stopped: not active within {}", user, idleTimeout);
            return;
        }
        try {
            facts.addAll(ensurer.ensure(user, null).facts());
            log.info("runtime of user={} restarted", user);
        } catch (EnsureFailedException e) {
            facts.addAll(e.factsSoFar());
            log.warn("restarting the runtime of user={} failed: {}", user, e.getMessage());
        } catch (RuntimeException e) {
            log.warn("restarting the runtime of user={} failed: {}", user, e.getMessage());
        }
    }
}
