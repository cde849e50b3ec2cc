package dev.hermes.worker.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermes.admin.DockerHost;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.docker.Docker;
import dev.hermes.worker.docker.hosts.Engines;
import dev.hermes.worker.docker.hosts.HostOutages;
import dev.hermes.worker.docker.hosts.MultiHostDocker;
import dev.hermes.worker.fakes.FakeDocker;
import dev.hermes.worker.fakes.MutableClock;
import dev.hermes.worker.runtime.RuntimeRegistry;
import dev.hermes.worker.spawn.EnsureFailedException;
import dev.hermes.worker.spawn.HostUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A family made on host b after this worker listed b, with b down now: known only from its LastActive's host. Its
 * ensure waits for b (HOST_UNAVAILABLE) instead of being placed anew on a with an empty volume.
 */
class FamilyHostOutageTest {
    private static final DockerHost A = new DockerHost("a", "unix:///a.sock", "127.0.0.1", 3);
    private static final DockerHost B = new DockerHost("b", "unix:///b.sock", "127.0.0.2", 3);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final FakeDocker a = new FakeDocker(clock);
    private final FakeDocker b = new FakeDocker(clock);
    private final Map<UserId, String> lastHosts = new HashMap<>();
    private final UserId family = UserId.random();
    private Engines engines;
    private Docker docker;
    private FamilyHostOutage outageOf;

    @BeforeEach
    void bListedThenTheFamilyMadeThereThenBDown() {
        Map<DockerHost, Docker> clients = new LinkedHashMap<>();
        clients.put(A, a);
        clients.put(B, b);
        engines = new Engines(clients, new HostOutages(List.of(A, B), clock), Set::of, clock);
        engines.hosts().forEach(h -> engines.probe(h.name()));
        docker = new MultiHostDocker(engines);
        b.addVolume(family.volumeName(), Map.of()); // by another worker, after this one listed b
        b.existing(family.containerName(), Map.of(), 8642, false);
        b.pingFailure = new IllegalStateException("connection refused");
        engines.probe("b");
        outageOf = new FamilyHostOutage(engines, docker, lastHosts::get, clock);
    }

    @Test
    void aFamilyWhoseLastActiveNamesTheDownHostWaitsForItAndIsAnsweredHostUnavailable() {
        lastHosts.put(family, "b");
        AtomicInteger attempts = new AtomicInteger();
        DockerWait wait = new DockerWait(outageOf, clock, Duration.ZERO, 1, new RuntimeRegistry(), url -> false);

        assertThat(outageOf.apply(family).down()).isTrue();
        assertThatThrownBy(() -> wait.ensure(
                        family,
                        clock.instant().plusSeconds(30),
                        () -> {
                            attempts.incrementAndGet();
                            throw new AssertionError("no attempt while the family's host is down");
                        },
                        e -> {}))
                .isInstanceOfSatisfying(
                        EnsureFailedException.class,
                        e -> assertThat(e.getCause()).isInstanceOf(HostUnavailableException.class));
        assertThat(attempts).hasValue(0);
        assertThat(a.calls()).noneMatch(call -> call.startsWith("volume ") || call.startsWith("create"));
    }

    @Test
    void withoutTheHostTheFamilyLooksNewAndWouldBePlacedOnTheOtherHost() {
        assertThat(outageOf.apply(family))
                .as("no placement, no LastActive host")
                .isNull();

        docker.createVolume(family.volumeName(), Map.of());

        assertThat(engines.hostOfFamily(family.containerName()))
                .as("the gap LastActive's host closes")
                .isEqualTo("a");
    }

    @Test
    void aFamilyMovedOffTheDownHostIsFoundWhereItIsNow() {
        lastHosts.put(family, "b");
        a.existing(family.containerName(), Map.of(), 8642, false);

        assertThat(outageOf.apply(family).down()).isFalse();
        assertThat(engines.hostOfFamily(family.containerName())).isEqualTo("a");
    }

    @Test
    void aHostNoLongerConfiguredIsDownForGoodAndAnAnsweringOneIsAskedByName() {
        lastHosts.put(family, "c");
        assertThat(outageOf.apply(family).down()).isTrue();

        UserId onA = UserId.random();
        lastHosts.put(onA, "a");
        assertThat(outageOf.apply(onA))
                .as("a answers: the ensure finds it there by name")
                .isNull();
    }
}
