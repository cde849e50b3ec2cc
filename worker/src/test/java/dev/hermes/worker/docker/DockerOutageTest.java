package dev.hermes.worker.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.InternalServerErrorException;
import dev.hermes.worker.spawn.HealthTimeoutException;
import dev.hermes.worker.spawn.SpawnFailedException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class DockerOutageTest {
    private final Clock clock = Clock.systemUTC();
    private final DockerOutage outage = new DockerOutage(clock);

    @Test
    void aCallThatCouldNotConnectMeansDockerIsUnreachable() {
        // docker-java's httpclient5 transport wraps the I/O error in a plain RuntimeException
        assertThat(DockerOutage.unreachable(new RuntimeException(new ConnectException("Connection refused"))))
                .isTrue();
        assertThat(DockerOutage.unreachable(new UncheckedIOException(new NoSuchFileException("/var/run/docker.sock"))))
                .isTrue();
        assertThat(DockerOutage.unreachable(new RuntimeException(new SocketTimeoutException("Read timed out"))))
                .isTrue();
    }

    @Test
    void dockerRefusingARequestIsNotAnOutage() {
        DockerException refused = new InternalServerErrorException("no space left on device");
        assertThat(DockerOutage.unreachable(refused)).isFalse();
        assertThat(DockerOutage.unreachable(new SpawnFailedException(
                        "docker refused to create x", new DockerCallFailedException("conflict", refused))))
                .isFalse();
        assertThat(DockerOutage.unreachable(new SpawnFailedException("container x has no published port")))
                .isFalse();
        assertThat(DockerOutage.unreachable(
                        new HealthTimeoutException("x", Duration.ofSeconds(1), "connection refused")))
                .isFalse();
        assertThat(DockerOutage.unreachable(null)).isFalse();
    }

    @Test
    void whileDockerAnswersNobodyWaits() throws InterruptedException {
        assertThat(outage.down()).isFalse();
        assertThat(outage.awaitAnswering(clock.instant())).isTrue();
    }

    @Test
    void aWaiterStillDownAtItsBoundIsToldSo() throws InterruptedException {
        outage.unreachable();
        long t0 = System.nanoTime();
        assertThat(outage.awaitAnswering(clock.instant().plusMillis(200))).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
        assertThat(outage.downSince()).isPresent();
    }

    @Test
    void aPingThatAnswersWakesEveryWaiter() {
        outage.unreachable();
        CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(this::awaitTenSeconds);
        CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(this::awaitTenSeconds);
        outage.answered();
        await().atMost(Duration.ofSeconds(2)).until(() -> first.isDone() && second.isDone());
        assertThat(first.join()).isTrue();
        assertThat(second.join()).isTrue();
        assertThat(outage.down()).isFalse();
        assertThat(outage.downSince()).isEmpty();
    }

    private boolean awaitTenSeconds() {
        try {
            return outage.awaitAnswering(clock.instant().plusSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
