package dev.hermes.worker.spawn;

import dev.hermes.schemas.StopReason;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.audit.RuntimeFact;
import dev.hermes.worker.docker.ContainerInfo;
import dev.hermes.worker.docker.Docker;
import dev.hermes.worker.docker.DockerCallFailedException;
import dev.hermes.worker.metrics.Meters;
import dev.hermes.worker.runtime.PausedRuntime;
import dev.hermes.worker.runtime.Runtime;
import dev.hermes.worker.runtime.RuntimeRegistry;
import dev.hermes.worker.settings.SettingsCache;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resumes a family's paused runtime (tiered idle) on its lane: unpause, then {@code /health} polled fast, then the
 * runtime is warm again, audited RuntimeResumed. The answer is not a cold start ({@code coldStart=false}). A paused
 * runtime on an older settings version is removed instead (volume kept; nobody waits for it), and so is one whose
 * resume fails (health timeout, container gone): either way the caller goes on with the cold path and still gets an
 * answer.
 */
public final class Resumer {
    /** After the unpause returned, how long the request sent ahead may still take before polling takes over. */
    private static final long EARLY_ANSWER_GRACE_MS = 100;

    private static final Logger log = LoggerFactory.getLogger(Resumer.class);
    private final Docker docker;
    private final HealthCheck health;
    private final RuntimeRegistry registry;
    private final SettingsCache settings;
    private final Meters meters;
    private final Clock clock;
    /** Unpauses run here, so a resume can answer on the agent's first 200 before Docker replies to the unpause. */
    private final Executor unpauser = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "hermes-unpause");
        thread.setDaemon(true);
        return thread;
    });

    public Resumer(
            Docker docker,
            HealthCheck health,
            RuntimeRegistry registry,
            SettingsCache settings,
            Meters meters,
            Clock clock) {
        this.docker = docker;
        this.health = health;
        this.registry = registry;
        this.settings = settings;
        this.meters = meters;
        this.clock = clock;
    }

    /** Never resumes: no family is ever paused (tests, tools). */
    public static Resumer none(RuntimeRegistry registry) {
        return new Resumer(null, null, registry, null, Meters.none(), Clock.systemUTC());
    }

    /**
     * On the family's lane. The outcome of a resume; empty when the family has no paused runtime or it could not be
     * resumed (then it was removed, and {@code facts} say why).
     */
    public Optional<EnsureOutcome> resume(UserId user, UUID correlationId, List<RuntimeFact> facts) {
        if (registry.pausedCount() == 0) {
            return Optional.empty();
        }
        PausedRuntime paused = registry.takePaused(user);
        if (paused == null) {
            return Optional.empty();
        }
        Runtime runtime = paused.runtime();
        if (runtime.settingsVersion() < settings.current().version()) {
            log.info(
                    "paused runtime {} of user={} runs settings version {}: removing it, a new one is created",
                    runtime.containerName(),
                    user,
                    runtime.settingsVersion());
            retire(runtime, StopReason.SETTINGS_RECREATE, facts);
            return Optional.empty();
        }
        long t0 = System.nanoTime();
        try {
            thaw(runtime);
        } catch (RuntimeException e) {
            log.warn(
                    "resuming {} of user={} failed ({}); removing it for a cold start",
                    runtime.containerName(),
                    user,
                    e.getMessage());
            meters.pauses().resumeFailed();
            retire(runtime, e instanceof HealthTimeoutException ? StopReason.HEALTH_TIMEOUT : StopReason.DIED, facts);
            return Optional.empty();
        }
        long resumeMs = (System.nanoTime() - t0) / 1_000_000;
        registry.put(runtime);
        meters.pauses().resumed(Duration.ofMillis(resumeMs));
        facts.add(new RuntimeFact.Resumed(
                clock.instant(),
                correlationId,
                runtime.containerName(),
                runtime.containerId(),
                resumeMs,
                Duration.between(paused.pausedAt(), clock.instant())));
        log.info("resumed {} of user={} in {} ms", runtime.containerName(), user, resumeMs);
        return Optional.of(new EnsureOutcome(runtime, false, 0, 0, resumeMs, facts));
    }

    /**
     * Unpauses and waits for the first {@code /health} 200. The request goes out before the unpause: the kernel takes
     * the connection while the agent is frozen and the agent answers the moment it thaws, so the resume waits neither
     * for a poll nor for Docker's own reply to the unpause. Without an early 200 it polls once the unpause returned.
     */
    private void thaw(Runtime runtime) {
        CompletableFuture<Boolean> answered = health.askAhead(runtime.url());
        CompletableFuture<Void> unpaused = CompletableFuture.runAsync(() -> unpause(runtime), unpauser);
        try {
            CompletableFuture.anyOf(answered, unpaused).exceptionally(e -> null).join();
            if (answered.isDone() && answered.join()) {
                unpaused.whenComplete((done, e) -> {
                    if (e != null) {
                        log.warn(
                                "{} answered /health, but its unpause failed: {}",
                                runtime.containerName(),
                                e.toString());
                    }
                });
                return;
            }
            unpaused.join();
            if (answered.completeOnTimeout(false, EARLY_ANSWER_GRACE_MS, TimeUnit.MILLISECONDS)
                    .join()) {
                return;
            }
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        health.awaitHealthy(runtime.containerName(), runtime.url(), () -> stillRunning(runtime));
    }

    /** An external {@code docker unpause} may have thawed it already: then only its health tells. */
    private void unpause(Runtime runtime) {
        meters.docker().called();
        try {
            docker.unpause(runtime.containerId());
        } catch (DockerCallFailedException e) {
            meters.docker().called();
            boolean thawed = docker.inspect(runtime.containerId())
                    .filter(c -> c.running() && !c.paused())
                    .isPresent();
            if (!thawed) {
                throw e;
            }
        }
    }

    private boolean stillRunning(Runtime runtime) {
        return docker.inspect(runtime.containerId())
                        .filter(ContainerInfo::running)
                        .isPresent()
                || failGone(runtime);
    }

    private static boolean failGone(Runtime runtime) {
        throw new ContainerExitedException(runtime.containerName(), null);
    }

    private void retire(Runtime runtime, StopReason reason, List<RuntimeFact> facts) {
        meters.docker().called();
        boolean removed = docker.remove(runtime.containerId());
        facts.add(new RuntimeFact.Stopped(clock.instant(), runtime.containerName(), reason, removed, false));
    }
}
