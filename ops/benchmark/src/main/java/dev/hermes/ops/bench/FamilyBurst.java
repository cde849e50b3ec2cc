package dev.hermes.ops.bench;

import dev.hermes.client.RuntimeClient;
import dev.hermes.client.RuntimeHandle;
import dev.hermes.schemas.UserId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The system side of a burst: N new bench families (the janitor forgets them), all requested at once with
 * ensureRuntimeAsync, timed until every one is READY. burst100 and burst200_2hosts share it.
 */
public final class FamilyBurst {
    private final RuntimeClient client;
    private final Janitor janitor;
    private final Duration timeout;

    /** @param timeout each request's deadline: the whole burst must be READY within it */
    public FamilyBurst(RuntimeClient client, Janitor janitor, Duration timeout) {
        this.client = client;
        this.janitor = janitor;
        this.timeout = timeout;
    }

    /** {@code count} new families, each known to the janitor before it is requested. */
    public List<UserId> newFamilies(int count) {
        List<UserId> users = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            users.add(janitor.systemUser(UserId.random()));
        }
        return users;
    }

    /** Requests every family at once; ms until all are READY (a failed one fails the burst). */
    public double requestAllMs(List<UserId> users) {
        long t0 = System.nanoTime();
        List<CompletableFuture<RuntimeHandle>> pending =
                users.stream().map(u -> client.ensureRuntimeAsync(u, timeout)).toList();
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
        return (System.nanoTime() - t0) / 1e6;
    }
}
