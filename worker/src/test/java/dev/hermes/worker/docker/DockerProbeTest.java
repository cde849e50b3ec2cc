package dev.hermes.worker.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermes.worker.fakes.FakeDocker;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerProbeTest {
    @TempDir
    Path dir;

    private Path socket;
    private ServerSocketChannel engine;
    private final FakeDocker docker = new FakeDocker(Clock.systemUTC());
    private final DockerOutage outage = new DockerOutage(Clock.systemUTC());
    private final AtomicInteger unreachableCalls = new AtomicInteger();
    private final AtomicInteger answeringAgainCalls = new AtomicInteger();
    private DockerProbe probe;

    @BeforeEach
    void listen() throws Exception {
        socket = dir.resolve("docker.sock");
        engine = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        engine.bind(UnixDomainSocketAddress.of(socket), 1024); // room for every probe's connect: none is accepted
        probe = new DockerProbe(
                docker,
                EngineListener.of("unix://" + socket, Duration.ofMillis(200)),
                outage,
                unreachableCalls::incrementAndGet,
                answeringAgainCalls::incrementAndGet);
    }

    @AfterEach
    void close() throws Exception {
        engine.close();
    }

    @Test
    void anEngineThatClosedItsListenerIsDownAtTheNextTickEvenThoughPingsStillAnswer() throws Exception {
        probe.run(); // tick 0 pings
        probe.run();
        assertThat(outage.down()).isFalse();

        engine.close(); // as a stopping dockerd does; the socket file stays, as dockerd's does
        assertThat(Files.exists(socket)).isTrue();
        probe.run();

        assertThat(outage.down())
                .as("the ping would still answer over a kept-alive connection")
                .isTrue();
        assertThat(unreachableCalls).hasValue(1);
    }

    @Test
    void pingsOnlyEveryTenthTickWhileUpAndEveryTickWhileDown() {
        for (int i = 0; i < DockerProbe.PING_EVERY * 2; i++) {
            probe.run();
        }
        assertThat(docker.pings).hasValue(2);

        docker.pingFailure = new RuntimeException("refused");
        for (int i = 0; i < DockerProbe.PING_EVERY; i++) {
            probe.run();
        }
        assertThat(outage.down()).isTrue();
        int pingsWhileDown = docker.pings.get();
        probe.run();
        probe.run();
        assertThat(docker.pings.get()).isEqualTo(pingsWhileDown + 2);

        docker.pingFailure = null;
        probe.run();
        assertThat(outage.down()).as("back up at the next tick's ping").isFalse();
    }

    @Test
    void readsLiveRestoreAtTheFirstPingEveryTenthPingAndWhenDockerAnswersAgain() {
        docker.liveRestore = true;
        probe.run();
        assertThat(outage.keepsContainers()).as("read at the first ping").isTrue();

        docker.liveRestore = false; // a reload switched it off
        for (int i = 1; i < DockerProbe.PING_EVERY * (DockerProbe.LIVE_RESTORE_EVERY - 1) + 1; i++) {
            probe.run();
        }
        assertThat(outage.keepsContainers())
                .as("not read again before the tenth ping")
                .isTrue();
        for (int i = 0; i < DockerProbe.PING_EVERY; i++) {
            probe.run();
        }
        assertThat(outage.keepsContainers()).as("read at the tenth").isFalse();

        docker.pingFailure = new RuntimeException("refused");
        for (int i = 0; i < DockerProbe.PING_EVERY; i++) {
            probe.run();
        }
        assertThat(outage.down()).isTrue();
        docker.liveRestore = true; // dockerd restarted with live-restore on
        docker.pingFailure = null;
        probe.run();
        assertThat(outage.down()).isFalse();
        assertThat(outage.keepsContainers()).as("read as Docker answers again").isTrue();
        assertThat(answeringAgainCalls).hasValue(1);
    }

    @Test
    void anEngineThatAcceptsNothingIsDownOnceItsBacklogIsFullAndTheProbeNeverBlocks() throws Exception {
        Path hungSocket = dir.resolve("hung.sock");
        try (ServerSocketChannel hung = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            hung.bind(UnixDomainSocketAddress.of(hungSocket), 1); // bound, listening, never accepting
            EngineListener listener = EngineListener.of("unix://" + hungSocket, Duration.ofMillis(200))
                    .orElseThrow();
            int accepted = 0;
            while (listener.accepts() && accepted < 1000) {
                accepted++;
            }
            assertThat(accepted).as("queued until the backlog is full").isLessThan(1000);
            assertThat(listener.accepts()).isFalse();
        }
    }

    @Test
    void aListeningEngineWhosePingFailsIsDown() {
        docker.pingFailure = new RuntimeException("500 from the engine");
        probe.run();
        assertThat(outage.down()).isTrue();
        assertThat(unreachableCalls).hasValue(1);
    }

    @Test
    void endpointsWithoutAListenerToCheckAreLeftToThePing() {
        assertThat(EngineListener.of("npipe:////./pipe/docker_engine", Duration.ofMillis(100)))
                .isEmpty();
        assertThat(EngineListener.of("tcp://127.0.0.1:2376", Duration.ofMillis(100)))
                .isPresent();
    }
}
