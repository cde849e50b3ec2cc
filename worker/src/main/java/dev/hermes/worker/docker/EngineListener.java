package dev.hermes.worker.docker;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.time.Duration;

/**
 * Whether the engine's API socket still takes new connections: a fresh connect, then close, without a request. A
 * stopping dockerd closes its listener at once (measured: under 15 ms after SIGTERM, when it also takes the published
 * ports down), but keeps serving the connections already open until the process exits, which with running containers
 * can be many seconds later. docker-java's pooled keep-alive connections therefore answer a ping all that time; this
 * check does not, so the worker learns of the stop while the containers are still going down.
 */
public final class EngineListener {
    private final SocketAddress address;
    private final int timeoutMs;

    private EngineListener(SocketAddress address, Duration timeout) {
        this.address = address;
        this.timeoutMs = (int) timeout.toMillis();
    }

    /**
     * For a Docker endpoint as DOCKER_HOST gives it: {@code unix:///path} or {@code tcp://host:port} (TLS or not: only
     * the TCP connect is tried). Any other scheme has no listener to check: empty.
     */
    public static java.util.Optional<EngineListener> of(String dockerHost, Duration timeout) {
        URI uri = URI.create(dockerHost);
        if ("unix".equals(uri.getScheme()) && uri.getPath() != null) {
            return java.util.Optional.of(new EngineListener(UnixDomainSocketAddress.of(uri.getPath()), timeout));
        }
        if ("tcp".equals(uri.getScheme()) && uri.getHost() != null) {
            int port = uri.getPort() > 0 ? uri.getPort() : 2375;
            return java.util.Optional.of(
                    new EngineListener(InetSocketAddress.createUnresolved(uri.getHost(), port), timeout));
        }
        return java.util.Optional.empty();
    }

    /**
     * True when a new connection is accepted within the timeout. A local socket whose backlog is full (a hung dockerd
     * that accepts nothing) does not: a blocking connect would wait for it forever.
     */
    public boolean accepts() {
        try {
            if (address instanceof UnixDomainSocketAddress unix) {
                try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                    channel.configureBlocking(false);
                    return channel.connect(unix); // a local connect is refused, queued or told to retry (full) at once
                }
            } else {
                InetSocketAddress tcp = (InetSocketAddress) address;
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(tcp.getHostString(), tcp.getPort()), timeoutMs);
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return address.toString();
    }
}
