package dev.hermes.worker.fleet;

import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.model.Container;
import dev.hermes.client.RuntimeHandle;
import dev.hermes.schemas.Event;
import dev.hermes.schemas.EventCodec;
import dev.hermes.schemas.RuntimeFailed;
import dev.hermes.schemas.RuntimeReady;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.testing.Stack;
import dev.hermes.worker.testing.Volumes;
import dev.hermes.worker.testing.WorkerProcess;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.utils.Utils;

/** What the fleet ITs share: partitions of keys, the consumer group's assignment, containers per user. */
final class Fleet {
    private static final EventCodec CODEC = new EventCodec();

    private Fleet() {}

    /** The partition the default partitioner gives {@code user}'s records on a topic of {@link Stack#PARTITIONS}. */
    static int partitionOf(UserId user) {
        return Utils.toPositive(Utils.murmur2(user.value().getBytes(StandardCharsets.UTF_8))) % Stack.PARTITIONS;
    }

    /** Which partitions each worker (by worker id) holds, as the group coordinator sees it. */
    static Map<String, Set<Integer>> assignment(Stack stack) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
            String group = stack.topics().prefix() + "workers";
            ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group))
                    .all()
                    .get(10, TimeUnit.SECONDS)
                    .get(group);
            if (description.groupState() != GroupState.STABLE) {
                return Map.of();
            }
            Map<String, Set<Integer>> byWorker = new HashMap<>();
            for (MemberDescription member : description.members()) {
                String worker = member.clientId().replaceFirst("^hermes-worker-", "");
                byWorker.put(
                        worker,
                        member.assignment().topicPartitions().stream()
                                .filter(tp -> tp.topic().equals(stack.topics().requests()))
                                .map(TopicPartition::partition)
                                .collect(Collectors.toSet()));
            }
            return byWorker;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (ExecutionException | TimeoutException e) {
            return Map.of();
        }
    }

    /**
     * Waits until the group is stable with exactly these workers as members, each holding at least one
     * partition and all partitions held; returns the assignment.
     */
    static Map<String, Set<Integer>> awaitAssignment(Stack stack, Duration timeout, WorkerProcess... workers) {
        Set<String> expected =
                Arrays.stream(workers).map(WorkerProcess::workerId).collect(Collectors.toSet());
        Map<String, Set<Integer>>[] seen = new Map[1];
        try {
            await().atMost(timeout).pollInterval(Duration.ofMillis(200)).until(() -> {
                Map<String, Set<Integer>> now = assignment(stack);
                seen[0] = now;
                Set<Integer> all = new HashSet<>();
                now.values().forEach(all::addAll);
                return now.keySet().equals(expected)
                        && now.values().stream().noneMatch(Set::isEmpty)
                        && all.size() == Stack.PARTITIONS;
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("group never settled on " + expected + "; last seen " + seen[0], e);
        }
        return seen[0];
    }

    /** Every container (running or not) labelled with one of {@code users}, by user. */
    static Map<UserId, List<Container>> containersByUser(Stack stack, Collection<UserId> users) {
        Set<String> wanted = users.stream().map(UserId::value).collect(Collectors.toSet());
        Map<UserId, List<Container>> byUser = new HashMap<>();
        for (Container c : stack.docker()
                .listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(Map.of("hermes.managed", "true"))
                .exec()) {
            String user = c.getLabels() == null ? null : c.getLabels().get("hermes.user-id");
            if (user != null && wanted.contains(user)) {
                byUser.computeIfAbsent(UserId.of(user), u -> new ArrayList<>()).add(c);
            }
        }
        return byUser;
    }

    /** Gives each user's volume a slow boot, a few at a time (each one runs a throwaway container). */
    static void slowBoot(Stack stack, Collection<UserId> users, long millis) {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (UserId user : users) {
                done.add(pool.submit(() -> Volumes.slowBoot(stack.docker(), user, millis)));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("preparing slow-boot volumes failed", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Stops the worker processes, then removes the families' containers and volumes several at a time
     * (the Stack would do it one by one after the class, which for 100 families takes most of a minute).
     */
    static void removeAll(Stack stack, Collection<UserId> users, Collection<WorkerProcess> workers) {
        workers.forEach(WorkerProcess::close);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (UserId user : users) {
                done.add(pool.submit(() -> stack.removeQuietly(user)));
            }
            for (Future<?> f : done) {
                try {
                    f.get(60, TimeUnit.SECONDS);
                } catch (ExecutionException | TimeoutException e) {
                    System.err.println("removing a family's runtime: " + e);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Every RuntimeReady and RuntimeFailed ever written to the reply topic (all partitions, from the
     * beginning): what callers were told, including duplicates nobody waited for any more.
     */
    static List<Event> allReplies(Stack stack) {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false);
        List<Event> events = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer
                    .partitionsFor(stack.topics().replies())
                    .stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read the reply topic to its end " + ends);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    events.add(CODEC.decode(record.value()));
                }
            }
        }
        return events;
    }

    /** The URLs each user was ever told (every RuntimeReady on the reply topic). */
    static Map<UserId, Set<String>> urlsByUser(List<Event> replies) {
        Map<UserId, Set<String>> urls = new HashMap<>();
        for (Event e : replies) {
            if (e instanceof RuntimeReady r) {
                urls.computeIfAbsent(r.userId(), u -> new HashSet<>()).add(r.url());
            }
        }
        return urls;
    }

    static java.util.UUID correlationId(Event reply) {
        if (reply instanceof RuntimeReady r) {
            return r.correlationId();
        }
        return ((RuntimeFailed) reply).correlationId();
    }

    static long failures(List<Event> replies) {
        return replies.stream().filter(e -> e instanceof RuntimeFailed).count();
    }

    /** Outcome of one async ensure: the handle, or the error it failed with. */
    record Outcome(UserId user, RuntimeHandle handle, Throwable error, long completedAtNanos) {
        boolean ready() {
            return handle != null;
        }
    }

    static CompletableFuture<Outcome> outcome(UserId user, CompletableFuture<RuntimeHandle> call) {
        return call.handle((h, e) -> new Outcome(user, h, e, System.nanoTime()));
    }

    /** Waits for every outcome (each call carries its own deadline, so this ends). */
    static List<Outcome> join(List<CompletableFuture<Outcome>> outcomes, Duration atMost) {
        try {
            CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new))
                    .get(atMost.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError(
                    "not every ensure finished within " + atMost + ": "
                            + outcomes.stream().filter(f -> !f.isDone()).count() + " pending",
                    e);
        }
        return outcomes.stream().map(CompletableFuture::join).toList();
    }

    static String describeFailures(List<Outcome> outcomes) {
        return outcomes.stream()
                .filter(o -> !o.ready())
                .limit(10)
                .map(o -> o.user() + " (partition " + partitionOf(o.user()) + "): " + o.error())
                .collect(Collectors.joining("\n  ", "\n  ", ""));
    }
}
