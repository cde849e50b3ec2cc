package dev.hermes.worker.spawn;

import dev.hermes.admin.DatabaseUnavailableException;
import dev.hermes.admin.GlobalSettings;
import dev.hermes.schemas.StopReason;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.audit.RuntimeFact;
import dev.hermes.worker.docker.ContainerInfo;
import dev.hermes.worker.docker.ContainerSpec;
import dev.hermes.worker.metrics.Meters;
import dev.hermes.worker.runtime.Runtime;
import dev.hermes.worker.runtime.RuntimeRegistry;
import dev.hermes.worker.settings.KnownAccounts;
import dev.hermes.worker.settings.SettingsCache;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ensure_runtime for one family, always called on that family's lane: answers a known healthy runtime
 * from memory, otherwise adopts, starts or creates the container and waits for /health. A runtime on
 * an older settings version, or adopted from another image than today's, is recreated first, so every answer
 * runs today's settings.
 *
 * <p>It publishes nothing: it returns what happened ({@link EnsureOutcome#facts()}), or throws
 * {@link EnsureFailedException} with the facts so far; the caller has them audited.
 */
public final class Ensurer {
    private static final Logger log = LoggerFactory.getLogger(Ensurer.class);
    private final RuntimeSpawner spawner;
    private final HealthCheck health;
    private final ContainerSpecFactory specs;
    private final SettingsCache settings;
    private final RuntimeRegistry registry;
    private final Meters meters;
    private final Clock clock;
    private final KnownAccounts admission;
    private final CapacityGate capacity;
    private final CrashLoopGuard crashLoop;
    private final Launch launch;
    private final Replacements replacements;
    private final Resumer resumer;

    /** An Ensurer that admits every family. */
    public Ensurer(
            RuntimeSpawner spawner,
            HealthCheck health,
            ContainerSpecFactory specs,
            SettingsCache settings,
            RuntimeRegistry registry,
            Meters meters,
            Clock clock) {
        this(spawner, health, specs, settings, registry, meters, clock, EnsureGates.open());
    }

    public Ensurer(
            RuntimeSpawner spawner,
            HealthCheck health,
            ContainerSpecFactory specs,
            SettingsCache settings,
            RuntimeRegistry registry,
            Meters meters,
            Clock clock,
            EnsureGates gates) {
        this.resumer = gates.resumer() != null ? gates.resumer() : Resumer.none(registry);
        this.crashLoop = gates.crashLoop();
        this.capacity = gates.capacity();
        this.admission = gates.admission();
        this.spawner = spawner;
        this.health = health;
        this.specs = specs;
        this.settings = settings;
        this.registry = registry;
        this.meters = meters;
        this.clock = clock;
        this.launch = new Launch(spawner, health, registry, meters, clock);
        this.replacements = new Replacements(launch, spawner, specs, settings, registry, meters);
    }

    /**
     * Whether HERMES_ADMISSION lets {@code user} have a runtime: no database call for an admitted family. True when
     * the database cannot tell, so that the ensure itself fails with the outage (SETTINGS_UNAVAILABLE).
     */
    public boolean admits(UserId user) {
        try {
            return admission.admits(user);
        } catch (DatabaseUnavailableException e) {
            return true;
        }
    }

    /** Whether an ensure would be answered from memory right now, with no Docker or database call. */
    public boolean isWarm(UserId user) {
        return warm(user) != null;
    }

    /**
     * The runtime an ensure would answer from memory right now, or null if it would need more: also while the warm set
     * is unverified (the Docker event stream broke and the fleet was not re-listed yet).
     */
    public Runtime warm(UserId user) {
        Runtime known = registry.find(user);
        return known != null && known.settingsVersion() >= settings.current().version() && !registry.unverified()
                ? known
                : null;
    }

    /**
     * @param correlationId the request being answered, or null (a heartbeat)
     * @throws EnsureFailedException with the cause and the facts so far
     */
    public EnsureOutcome ensure(UserId user, UUID correlationId) {
        List<RuntimeFact> facts = new ArrayList<>();
        try {
            Runtime warm = warm(user);
            if (warm != null) {
                return EnsureOutcome.warm(warm);
            }
            retireUnhealthy(user, facts);
            if (registry.unverified()) {
                forgetIfDead(user, facts);
            }
            if (!admission.admits(user)) {
                throw new UnknownFamilyException(user);
            }
            // a family in its crash-loop backoff is answered now: no database and no Docker call
            crashLoop.check(user);
            EnsureOutcome outcome = resumer.resume(user, correlationId, facts)
                    .orElseGet(() -> ensureNotWarm(user, correlationId, facts));
            crashLoop.succeeded(user);
            return outcome;
        } catch (RuntimeException e) {
            if (CrashLoopGuard.counts(e)) {
                crashLoop
                        .failed(user)
                        .ifPresent(backoff -> facts.add(new RuntimeFact.CrashLooping(
                                clock.instant(), user.containerName(), backoff.failures(), backoff.length())));
            }
            throw new EnsureFailedException(e, facts);
        }
    }

    /**
     * Removes the container of the family's runtime that the liveness check took out of the warm set as hung, if one
     * is still to be removed (volume kept), so that it is never adopted again and its port is free; adds the
     * RuntimeStopped UNHEALTHY fact. Call on the family's lane. Returns whether there was one.
     */
    public boolean retireUnhealthy(UserId user, List<RuntimeFact> facts) {
        Runtime hung = registry.takeUnhealthy(user);
        if (hung == null) {
            return false;
        }
        meters.docker().called();
        spawner.remove(hung.containerId());
        facts.add(new RuntimeFact.Stopped(clock.instant(), hung.containerName(), StopReason.UNHEALTHY, true, false));
        return true;
    }

    /**
     * Whether the dead runtime's container was removed, or is being removed ({@code docker rm -f}, {@code ops/hermes
     * forget}): someone wants it gone, so it is not brought back. False when Docker cannot tell (it does not answer).
     */
    public boolean removedOnPurpose(Runtime dead) {
        meters.docker().called();
        try {
            return spawner.inspect(dead.containerId())
                    .map(ContainerInfo::removing)
                    .orElse(true);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * While the warm set is unverified: asks Docker whether the known runtime's container still runs, and the runtime
     * whether its URL answers.
     */
    private void forgetIfDead(UserId user, List<RuntimeFact> facts) {
        Runtime known = registry.find(user);
        if (known == null) {
            return;
        }
        meters.docker().called();
        Optional<ContainerInfo> container = spawner.inspect(known.containerId());
        if (container.filter(ContainerInfo::running).isPresent()) {
            if (!health.answersNow(known.url())) {
                // runs, yet its URL is dead: a stopping dockerd takes the published ports down before it stops the
                // containers. Not a warm answer: the cold path adopts the container and waits for its health.
                registry.remove(user);
            }
            return;
        }
        if (registry.containerGone(user, known.containerId()).isPresent()) {
            Long exitCode = container.map(ContainerInfo::exitCode).orElse(null);
            facts.add(new RuntimeFact.Stopped(
                    clock.instant(), known.containerName(), StopReason.DIED, false, false, exitCode));
        }
    }

    private EnsureOutcome ensureNotWarm(UserId user, UUID correlationId, List<RuntimeFact> facts) {
        Optional<Runtime> known = registry.get(user);
        // off the warm path: read the settings fresh, so a change saved a moment ago is never missed
        GlobalSettings current = settings.refresh();
        if (known.isPresent() && known.get().settingsVersion() >= current.version()) {
            return EnsureOutcome.warm(known.get());
        }
        if (known.isPresent()) {
            ContainerSpec spec;
            try {
                spec = replacements.replacementSpec(user, current);
            } catch (RuntimeException e) {
                // the old runtime keeps serving; the settings campaign recreates it on its next pass
                log.warn(
                        "cannot build the new runtime of user={} on settings version {} ({}); "
                                + "answering with the one on version {}",
                        user,
                        current.version(),
                        e.getMessage(),
                        known.get().settingsVersion());
                return EnsureOutcome.warm(known.get());
            }
            return launch.recreate(
                    user,
                    known.get().containerName(),
                    known.get().settingsVersion(),
                    current,
                    spec,
                    facts,
                    StopReason.SETTINGS_RECREATE);
        }
        return coldStart(user, current, correlationId, facts);
    }

    /**
     * A start that may add a running runtime to the engine: within a capacity slot. A recreate replaces one and needs
     * none.
     */
    private EnsureOutcome coldStart(UserId user, GlobalSettings current, UUID correlationId, List<RuntimeFact> facts) {
        try (CapacityGate.Slot slot = capacity.reserve(user, () -> runsAlready(user))) {
            EnsureOutcome outcome = launch.spawn(user, current, newSpec(user, current), correlationId, true, facts);
            if (facts.stream().anyMatch(RuntimeFact.Started.class::isInstance)) {
                slot.started();
            }
            return outcome;
        }
    }

    private boolean runsAlready(UserId user) {
        meters.docker().called();
        return spawner.inspect(user.containerName())
                .filter(ContainerInfo::running)
                .filter(c -> RuntimeSpawner.ofFleet(c, specs.fleet()))
                .isPresent();
    }

    /**
     * What a cold start creates: with the family's account, or while PostgreSQL is down the last one read, or none
     * (the identity block in the volume is then left as it is).
     */
    private ContainerSpec newSpec(UserId user, GlobalSettings current) {
        return specs.specFor(user, current, settings.account(user));
    }

    /** What a runtime must have been created from to be current (today's settings version and image id). */
    public CurrentBuild currentBuild() {
        return replacements.currentBuild();
    }

    /**
     * Replaces the runtime with one on the current settings and image, if it is older (audited as SETTINGS_RECREATE)
     * or was created from another image (IMAGE_ROLLOUT); empty if nothing ran or it is current.
     *
     * @throws EnsureFailedException with the cause and the facts so far
     */
    public Optional<EnsureOutcome> recreateIfStale(UserId user) {
        return replacements.recreateIfStale(user);
    }

    /**
     * Replaces the running runtime if it was not built from today's account and settings (its config-hash label
     * differs from the spec's: the identity block is part of the hash); empty if none runs or it is current.
     *
     * @throws EnsureFailedException with the cause and the facts so far
     */
    public Optional<EnsureOutcome> recreateIfIdentityChanged(UserId user) {
        return replacements.recreateIfIdentityChanged(user);
    }
}
