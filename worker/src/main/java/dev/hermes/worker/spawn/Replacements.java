package dev.hermes.worker.spawn;

import dev.hermes.admin.Account;
import dev.hermes.admin.DatabaseUnavailableException;
import dev.hermes.admin.GlobalSettings;
import dev.hermes.schemas.StopReason;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.audit.RuntimeFact;
import dev.hermes.worker.docker.ContainerInfo;
import dev.hermes.worker.docker.ContainerLabels;
import dev.hermes.worker.docker.ContainerSpec;
import dev.hermes.worker.metrics.Meters;
import dev.hermes.worker.runtime.Runtime;
import dev.hermes.worker.runtime.RuntimeRegistry;
import dev.hermes.worker.settings.SettingsCache;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recreates of a running runtime that is no longer current: an older settings version or another image (the
 * campaigns), or another account identity (AccountUpdated). Everything the new container needs is read before the
 * old one is touched, so a failed read leaves the old runtime serving.
 */
final class Replacements {
    private static final Logger log = LoggerFactory.getLogger(Replacements.class);
    private final Launch launch;
    private final RuntimeSpawner spawner;
    private final ContainerSpecFactory specs;
    private final SettingsCache settings;
    private final RuntimeRegistry registry;
    private final Meters meters;

    Replacements(
            Launch launch,
            RuntimeSpawner spawner,
            ContainerSpecFactory specs,
            SettingsCache settings,
            RuntimeRegistry registry,
            Meters meters) {
        this.launch = launch;
        this.spawner = spawner;
        this.specs = specs;
        this.settings = settings;
        this.registry = registry;
        this.meters = meters;
    }

    /** What a runtime must have been created from to be current (today's settings version and image id). */
    CurrentBuild currentBuild() {
        return new CurrentBuild(settings.current().version(), specs.imageId());
    }

    /**
     * Replaces the runtime with one on the current settings and image, if it is older (audited as SETTINGS_RECREATE)
     * or was created from another image (IMAGE_ROLLOUT); empty if nothing ran or it is current.
     *
     * @throws EnsureFailedException with the cause and the facts so far
     */
    Optional<EnsureOutcome> recreateIfStale(UserId user) {
        List<RuntimeFact> facts = new ArrayList<>();
        try {
            GlobalSettings current = settings.current();
            Optional<Runtime> known = registry.get(user);
            if (known.isPresent() && known.get().settingsVersion() < current.version()) {
                return Optional.of(launch.recreate(
                        user,
                        user.containerName(),
                        known.get().settingsVersion(),
                        current,
                        replacementSpec(user, current),
                        facts,
                        StopReason.SETTINGS_RECREATE));
            }
            Optional<ContainerInfo> running = spawner.inspect(user.containerName())
                    .filter(ContainerInfo::running)
                    .filter(c -> RuntimeSpawner.ofFleet(c, specs.fleet()));
            if (running.isEmpty()) {
                return Optional.empty();
            }
            Map<String, String> labels = running.get().labels();
            Optional<StopReason> why = new CurrentBuild(current.version(), specs.imageId())
                    .outdatedBy(labels, running.get().imageId());
            if (why.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(launch.recreate(
                    user,
                    user.containerName(),
                    ContainerLabels.settingsVersion(labels),
                    current,
                    replacementSpec(user, current),
                    facts,
                    why.get()));
        } catch (RuntimeException e) {
            throw new EnsureFailedException(e, facts);
        }
    }

    /**
     * Replaces the running runtime if it was not built from today's account and settings (its config-hash label
     * differs from the spec's: the identity block is part of the hash); empty if none runs or it is current.
     *
     * @throws EnsureFailedException with the cause and the facts so far
     */
    Optional<EnsureOutcome> recreateIfIdentityChanged(UserId user) {
        List<RuntimeFact> facts = new ArrayList<>();
        try {
            meters.docker().called();
            Optional<ContainerInfo> running = spawner.inspect(user.containerName())
                    .filter(ContainerInfo::running)
                    .filter(c -> RuntimeSpawner.ofFleet(c, specs.fleet()));
            if (running.isEmpty() || running.get().labels() == null) {
                return Optional.empty();
            }
            GlobalSettings current = settings.current();
            Optional<Account> account = settings.freshAccount(user);
            if (account.isEmpty()) {
                // PostgreSQL is down and the account was never read: a runtime without its identity is no better
                log.warn("account of user={} unknown while PostgreSQL is down; its runtime is left as it is", user);
                return Optional.empty();
            }
            ContainerSpec spec = specs.specFor(user, current, account);
            Map<String, String> labels = running.get().labels();
            if (spec.configHash().equals(labels.get(ContainerSpec.LABEL_CONFIG_HASH))) {
                return Optional.empty();
            }
            meters.docker().called();
            spawner.fleetNetwork(spec);
            return Optional.of(launch.recreate(
                    user,
                    user.containerName(),
                    ContainerLabels.settingsVersion(labels),
                    current,
                    spec,
                    facts,
                    StopReason.ACCOUNT_UPDATED));
        } catch (RuntimeException e) {
            throw new EnsureFailedException(e, facts);
        }
    }

    /**
     * What replaces a running runtime, with everything that can fail read before the old container is touched: the
     * account (the last one read will do; none will not: the old runtime has its identity), the image id, and the
     * fleet network, found or created. If one fails, the old runtime keeps serving.
     *
     * @throws DatabaseUnavailableException when the account was never read and PostgreSQL is down
     */
    ContainerSpec replacementSpec(UserId user, GlobalSettings current) {
        Account account = settings.account(user)
                .orElseThrow(() -> new DatabaseUnavailableException(
                        "account of user " + user + " never read and PostgreSQL is down: " + settings.outage(), null));
        ContainerSpec spec = specs.specFor(user, current, account);
        meters.docker().called();
        spawner.fleetNetwork(spec);
        return spec;
    }
}
