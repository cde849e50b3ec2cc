package dev.hermes.ops.chaos;

import dev.hermes.client.EnsureTimeoutException;
import dev.hermes.client.RuntimeClient;
import dev.hermes.client.RuntimeFailedException;
import dev.hermes.schemas.UserId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The steady mix during a scenario, through the producer client: ensures of warm families, ensures of
 * new (cold) families, a heartbeat per warm family every second, and optionally ensures of "agent"
 * families (a broken agent each) every 2 s. Sends run on their own threads so a blocked send (no broker)
 * never slows the pace. Each READY answer's URL is then probed once ({@link UrlProbe}), on the senders'
 * threads after the answer's time was taken, so the probe is not part of any latency. {@link #stop} stops sending and waits for every request to end (answer or deadline).
 */
public final class LoadGenerator {
    private final RuntimeClient client;
    private final LoadShape shape;
    private final List<UserId> warm;
    private final Consumer<UserId> newFamily;
    private final ScheduledExecutorService pacer = Executors.newScheduledThreadPool(2);
    private final ExecutorService senders = Executors.newCachedThreadPool();
    private final List<CompletableFuture<Sent>> pending = new CopyOnWriteArrayList<>();
    private final Map<UserId, Boolean> agentFamilies = new ConcurrentHashMap<>();
    private final AtomicInteger next = new AtomicInteger();
    private final UrlProbe probe = new UrlProbe();
    private volatile Duration agentDeadline = Duration.ofSeconds(40);

    public LoadGenerator(RuntimeClient client, LoadShape shape, List<UserId> warm, Consumer<UserId> newFamily) {
        this.client = client;
        this.shape = shape;
        this.warm = List.copyOf(warm);
        this.newFamily = newFamily;
    }

    public void start() {
        pacer.scheduleAtFixedRate(this::warmRequest, 0, periodMs(shape.warmPerSecond()), TimeUnit.MILLISECONDS);
        pacer.scheduleAtFixedRate(this::coldRequest, 0, periodMs(shape.coldPerSecond()), TimeUnit.MILLISECONDS);
        pacer.scheduleAtFixedRate(this::heartbeats, 0, 1000, TimeUnit.MILLISECONDS);
        pacer.scheduleAtFixedRate(this::agentRequests, 0, 2000, TimeUnit.MILLISECONDS);
    }

    /** From now on (until {@link #stopAgents}), each of {@code families} is asked for every 2 s. */
    public void addAgents(List<UserId> families, Duration deadline) {
        agentDeadline = deadline;
        families.forEach(f -> agentFamilies.put(f, true));
    }

    /** {@code count} ensures of new families at once, on top of the steady load. */
    public void burst(int count) {
        for (int i = 0; i < count; i++) {
            coldRequest();
        }
    }

    public void stopAgents() {
        agentFamilies.clear();
    }

    /** Stops sending; returns every request once each has an answer or passed its deadline. */
    public List<Sent> stop() throws InterruptedException {
        pacer.shutdownNow();
        pacer.awaitTermination(5, TimeUnit.SECONDS);
        List<Sent> all = new ArrayList<>();
        for (CompletableFuture<Sent> f : pending) {
            all.add(f.join());
        }
        senders.shutdown();
        return all;
    }

    private void warmRequest() {
        send(Sent.Kind.WARM, warm.get(next.getAndIncrement() % warm.size()), shape.warmDeadline());
    }

    private void coldRequest() {
        UserId user = UserId.random();
        newFamily.accept(user);
        send(Sent.Kind.COLD, user, shape.coldDeadline());
    }

    private void heartbeats() {
        for (UserId user : warm) {
            senders.execute(() -> client.heartbeat(user, "chaos"));
        }
    }

    private void agentRequests() {
        agentFamilies.keySet().forEach(user -> send(Sent.Kind.AGENT, user, agentDeadline));
    }

    private void send(Sent.Kind kind, UserId user, Duration deadline) {
        CompletableFuture<Sent> done = new CompletableFuture<>();
        pending.add(done);
        senders.execute(() -> {
            long sentAt = System.currentTimeMillis();
            long deadlineAt = sentAt + deadline.toMillis();
            client.ensureRuntimeAsync(user, deadline).whenComplete((handle, error) -> {
                long now = System.currentTimeMillis();
                Throwable cause = error instanceof CompletionException ? error.getCause() : error;
                if (cause == null) {
                    // off the client's callback thread; the answer's time is already taken
                    senders.execute(() -> {
                        long probedAt = System.currentTimeMillis();
                        Boolean answered = probe.answers(handle.url());
                        done.complete(new Sent(
                                kind,
                                user,
                                sentAt,
                                deadlineAt,
                                Sent.Answer.READY,
                                now,
                                null,
                                "ready " + handle.url(),
                                answered,
                                handle.containerName(),
                                handle.ready() == null
                                        ? 0
                                        : handle.ready().occurredAt().toEpochMilli(),
                                probedAt));
                    });
                } else if (cause instanceof RuntimeFailedException failed) {
                    done.complete(new Sent(
                            kind,
                            user,
                            sentAt,
                            deadlineAt,
                            Sent.Answer.FAILED,
                            now,
                            null,
                            "failed " + failed.reason()));
                } else if (cause instanceof EnsureTimeoutException timeout) {
                    done.complete(new Sent(
                            kind,
                            user,
                            sentAt,
                            deadlineAt,
                            Sent.Answer.TIMEOUT,
                            now,
                            timeout.correlationId(),
                            "timeout"));
                } else {
                    done.complete(
                            new Sent(kind, user, sentAt, deadlineAt, Sent.Answer.ERROR, now, null, cause.toString()));
                }
            });
        });
    }

    private static long periodMs(double perSecond) {
        return Math.max(1, Math.round(1000 / perSecond));
    }
}
