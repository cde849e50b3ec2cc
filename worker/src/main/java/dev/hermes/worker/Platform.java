package dev.hermes.worker;

import dev.hermes.admin.Database;
import dev.hermes.admin.DockerHost;
import dev.hermes.admin.HostDrains;
import dev.hermes.admin.SettingsStore;
import dev.hermes.schemas.EventCodec;
import dev.hermes.worker.audit.LifecycleAudit;
import dev.hermes.worker.docker.Docker;
import dev.hermes.worker.docker.DockerOutage;
import dev.hermes.worker.docker.hosts.Engines;
import dev.hermes.worker.docker.hosts.MultiHostDocker;
import dev.hermes.worker.kafka.EventPublisher;
import dev.hermes.worker.metrics.Meters;
import dev.hermes.worker.runtime.RuntimeRegistry;
import dev.hermes.worker.settings.KnownAccounts;
import dev.hermes.worker.settings.SettingsCache;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.clients.admin.Admin;

/**
 * The first step of {@link Wiring#start()}: what every other part of a worker uses. PostgreSQL (waited for), the
 * Docker engines (with several, {@code engines} is not null and each host has been probed once), the publisher and
 * the audit, the settings and accounts as last read, and the warm set.
 */
record Platform(
        Clock clock,
        Meters meters,
        Database database,
        HostDrains drains,
        Docker docker,
        Engines engines,
        EventCodec codec,
        Admin admin,
        EventPublisher publisher,
        LifecycleAudit audit,
        SettingsStore store,
        SettingsCache settings,
        KnownAccounts admission,
        RuntimeRegistry registry,
        DockerOutage dockerOutage) {

    static Platform open(Wiring wiring, Clock clock, Meters meters, StartupStatus status) {
        WorkerConfig config = wiring.config;
        status.waitingFor("PostgreSQL at " + config.pgUrl());
        Database database = wiring.database();
        status.starting();
        HostDrains drains = new HostDrains(database.jdbi());
        wiring.drained().refresh(drains);
        Docker docker = wiring.docker();
        EventCodec codec = new EventCodec();
        Admin admin = wiring.admin();
        EventPublisher publisher = wiring.publisher(codec, wiring.replyRoutes(admin, clock));
        LifecycleAudit audit = new LifecycleAudit(publisher, config.workerId());
        SettingsStore store = new SettingsStore(database.jdbi());
        SettingsCache settings = new SettingsCache(wiring.settingsSource(store));
        settings.refresh();
        meters.degraded("postgres", () -> settings.outage() != null);
        KnownAccounts admission = new KnownAccounts(
                config.admission(), store::accountIds, store::hasAccount, clock, Duration.ofSeconds(10));
        admission.load();
        RuntimeRegistry registry = new RuntimeRegistry();
        DockerOutage dockerOutage = new DockerOutage(clock);
        meters.degraded("docker", dockerOutage::down);
        Engines engines = docker instanceof MultiHostDocker multi ? multi.engines() : null;
        if (engines != null) {
            for (DockerHost host : engines.hosts()) {
                engines.probe(host.name()); // learns the families each host holds
                meters.docker()
                        .hostUp(
                                host.name(),
                                () -> !engines.outages().of(host.name()).down());
            }
        }
        meters.runtimes().running(registry::size);
        meters.pauses().pausedRuntimes(registry::pausedCount);
        return new Platform(
                clock,
                meters,
                database,
                drains,
                docker,
                engines,
                codec,
                admin,
                publisher,
                audit,
                store,
                settings,
                admission,
                registry,
                dockerOutage);
    }

    boolean severalHosts() {
        return engines != null;
    }
}
