package dev.hermes.worker.fakes;

import dev.hermes.worker.docker.ContainerEvent;
import dev.hermes.worker.docker.ContainerInfo;
import dev.hermes.worker.docker.ContainerNameTakenException;
import dev.hermes.worker.docker.ContainerSpec;
import dev.hermes.worker.docker.ContainerSummary;
import dev.hermes.worker.docker.Docker;
import dev.hermes.worker.docker.RuntimeNetworkGoneException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/** Docker in memory: containers by name, each published on its own port. Records every call it gets. */
public final class FakeDocker implements Docker {
    private final Clock clock;
    private final Map<String, Container> byName = new HashMap<>();
    private final Map<String, Map<String, String>> volumes = new HashMap<>();
    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    private final List<Consumer<ContainerEvent>> eventListeners = new CopyOnWriteArrayList<>();
    private final Map<String, String> images = new HashMap<>();
    private final Map<String, String> registry = new HashMap<>();
    private final List<Consumer<String>> imageListeners = new CopyOnWriteArrayList<>();
    private final java.util.Set<String> networkGone = new java.util.HashSet<>();
    private int nextId = 1;
    private int nextPort = 40000;
    private volatile long memoryBytes = 64L << 30;

    /** One container, as Docker keeps it. */
    public static final class Container {
        public final String id;
        public final String name;
        public final Map<String, String> labels;
        public final int agentPort;
        public final String hostPort;
        public volatile boolean running;
        public volatile boolean paused;
        public volatile String startedAt;

        /** The image Docker says it runs: the spec's image (an id, as the worker creates from ids) unless set. */
        public volatile String image;

        String imageId() {
            return image != null ? image : labels.get(ContainerSpec.LABEL_IMAGE_ID);
        }

        Container(String id, String name, Map<String, String> labels, int agentPort, String hostPort) {
            this.id = id;
            this.name = name;
            this.labels = labels;
            this.agentPort = agentPort;
            this.hostPort = hostPort;
        }
    }

    public FakeDocker(Clock clock) {
        this.clock = clock;
    }

    /** A container that exists already, as from another worker or an earlier run. */
    public synchronized Container existing(String name, Map<String, String> labels, int agentPort, boolean running) {
        Container c = new Container("c" + nextId++, name, Map.copyOf(labels), agentPort, Integer.toString(nextPort++));
        c.running = running;
        c.startedAt = clock.instant().toString();
        byName.put(name, c);
        return c;
    }

    public synchronized Optional<Container> container(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Whether an event stream is open. */
    public boolean following() {
        return !eventListeners.isEmpty();
    }

    /** Sends an event to every open event stream, as Docker does when a container dies. */
    public void emit(ContainerEvent event) {
        eventListeners.forEach(listener -> listener.accept(event));
    }

    /** Every call so far, such as {@code create hermes-user-x} or {@code stop c1}. */
    public List<String> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    @Override
    public synchronized List<ContainerSummary> runningManaged(String fleet) {
        calls.add("list " + fleet);
        return byName.values().stream()
                .filter(c -> c.running
                        && "true".equals(c.labels.get(ContainerSpec.LABEL_MANAGED))
                        && fleet.equals(c.labels.get(ContainerSpec.LABEL_FLEET)))
                .map(c -> new ContainerSummary(c.id, List.of("/" + c.name), c.labels, c.imageId(), c.paused))
                .toList();
    }

    @Override
    public synchronized void pause(String idOrName) {
        calls.add("pause " + idOrName);
        Container c = find(idOrName)
                .filter(x -> x.running && !x.paused)
                .orElseThrow(() -> new dev.hermes.worker.docker.DockerCallFailedException(
                        "container " + idOrName + " is not running", null));
        c.paused = true;
    }

    @Override
    public void unpause(String idOrName) {
        synchronized (this) {
            calls.add("unpause " + idOrName);
            Container c = find(idOrName)
                    .filter(x -> x.paused)
                    .orElseThrow(() -> new dev.hermes.worker.docker.DockerCallFailedException(
                            "container " + idOrName + " is not paused", null));
            c.paused = false;
        }
        java.util.concurrent.CountDownLatch reply = unpauseReply;
        if (reply != null) {
            try {
                reply.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** While set, an unpause thaws the container at once but returns only when this is counted down. */
    public volatile java.util.concurrent.CountDownLatch unpauseReply;

    @Override
    public synchronized List<ContainerSummary> allNamed(String namePrefix) {
        calls.add("list-named " + namePrefix);
        return byName.values().stream()
                .filter(c -> c.name.startsWith(namePrefix))
                .map(c -> new ContainerSummary(c.id, List.of("/" + c.name), c.labels, c.imageId()))
                .toList();
    }

    @Override
    public synchronized Optional<ContainerInfo> inspect(String idOrName) {
        return find(idOrName)
                .map(c -> new ContainerInfo(
                        c.id,
                        "/" + c.name,
                        c.running,
                        c.running ? null : 0L,
                        c.labels,
                        c.startedAt,
                        Map.of(c.agentPort, c.hostPort),
                        c.imageId(),
                        c.paused,
                        false));
    }

    @Override
    public synchronized Map<String, String> createVolume(String name, Map<String, String> labels) {
        calls.add("volume " + name);
        return volumes.computeIfAbsent(name, n -> Map.copyOf(labels));
    }

    @Override
    public synchronized List<String> volumesNamed(String namePrefix) {
        calls.add("volumes " + namePrefix);
        return volumes.keySet().stream()
                .filter(n -> n.startsWith(namePrefix))
                .sorted()
                .toList();
    }

    @Override
    public synchronized List<dev.hermes.worker.docker.VolumeSummary> volumes(String namePrefix) {
        calls.add("volumes " + namePrefix);
        return volumes.entrySet().stream()
                .filter(e -> e.getKey().startsWith(namePrefix))
                .sorted(Map.Entry.comparingByKey())
                .map(e -> new dev.hermes.worker.docker.VolumeSummary(e.getKey(), e.getValue()))
                .toList();
    }

    @Override
    public synchronized boolean removeVolume(String name) {
        calls.add("rm volume " + name);
        return volumes.remove(name) != null;
    }

    public synchronized boolean hasVolume(String name) {
        return volumes.containsKey(name);
    }

    /** A volume that exists before any create, with these labels (as another fleet would leave it). */
    public synchronized void addVolume(String name, Map<String, String> labels) {
        volumes.put(name, Map.copyOf(labels));
    }

    @Override
    public synchronized String createContainer(ContainerSpec spec, List<String> entrypoint) {
        calls.add("create " + spec.name());
        if (byName.containsKey(spec.name())) {
            throw new ContainerNameTakenException(
                    "Conflict. The container name \"/" + spec.name() + "\" is in use", null);
        }
        Container c = new Container(
                "c" + nextId++, spec.name(), spec.labels(), spec.agentPort(), Integer.toString(nextPort++));
        byName.put(spec.name(), c);
        return c.id;
    }

    /** The next start of container {@code name} fails as Docker's does when the network it was created on is gone. */
    public synchronized void networkGoneAtNextStart(String name) {
        networkGone.add(name);
    }

    @Override
    public synchronized void start(String idOrName) {
        calls.add("start " + idOrName);
        Optional<Container> found = find(idOrName);
        if (found.isPresent() && networkGone.remove(found.get().name)) {
            throw new RuntimeNetworkGoneException("network 0123456789ab not found", null);
        }
        found.ifPresent(c -> {
            c.running = true;
            c.startedAt = clock.instant().toString();
        });
    }

    @Override
    public synchronized void stop(String idOrName, int timeoutSeconds) {
        calls.add("stop " + idOrName);
        find(idOrName).ifPresent(c -> {
            c.running = false;
            c.paused = false;
        });
    }

    @Override
    public synchronized boolean remove(String idOrName) {
        calls.add("remove " + idOrName);
        Optional<Container> c = find(idOrName);
        c.ifPresent(found -> byName.remove(found.name));
        return c.isPresent();
    }

    public volatile RuntimeException pingFailure;
    public final java.util.concurrent.atomic.AtomicInteger pings = new java.util.concurrent.atomic.AtomicInteger();

    public volatile boolean liveRestore;

    @Override
    public boolean liveRestore() {
        return liveRestore;
    }

    @Override
    public void ping() {
        pings.incrementAndGet();
        if (pingFailure != null) {
            throw pingFailure;
        }
    }

    private volatile boolean eventsFail;

    /** While true, opening a container event stream fails, as while Docker cannot be reached. */
    public void failEvents(boolean fail) {
        eventsFail = fail;
    }

    @Override
    public EventStream containerEvents(String fleet, Consumer<ContainerEvent> onEvent) {
        if (eventsFail) {
            throw new dev.hermes.worker.docker.DockerCallFailedException("events: Docker cannot be reached", null);
        }
        CountDownLatch closed = new CountDownLatch(1);
        eventListeners.add(onEvent);
        return new EventStream() {
            @Override
            public void awaitCompletion() throws InterruptedException {
                closed.await();
            }

            @Override
            public void close() {
                eventListeners.remove(onEvent);
                closed.countDown();
            }
        };
    }

    /** Tags {@code id} as {@code reference} in the engine (a build or load), and tells the image event streams. */
    public void tagImage(String reference, String id) {
        synchronized (this) {
            images.put(reference, id);
        }
        imageListeners.forEach(listener -> listener.accept("tag"));
    }

    /** Tags {@code id} as {@code reference} with no event, as when the event stream missed it. */
    public synchronized void tagImageQuietly(String reference, String id) {
        images.put(reference, id);
    }

    /** What a pull of {@code reference} finds in the registry; a reference it has none for fails to pull. */
    public synchronized void inRegistry(String reference, String id) {
        registry.put(reference, id);
    }

    /** Whether an image event stream is open. */
    public boolean followingImages() {
        return !imageListeners.isEmpty();
    }

    /** When set, every image look-up fails with it, as when Docker cannot be reached. */
    public volatile RuntimeException imageLookUpFailure;

    @Override
    public synchronized Optional<String> imageId(String reference) {
        if (imageLookUpFailure != null) {
            throw imageLookUpFailure;
        }
        return Optional.ofNullable(images.get(reference));
    }

    @Override
    public synchronized void pull(String reference, java.time.Duration timeout) {
        calls.add("pull " + reference);
        String id = registry.get(reference);
        if (id == null) {
            throw new dev.hermes.worker.docker.DockerCallFailedException(
                    "pull access denied for " + reference + ", repository does not exist", null);
        }
        images.put(reference, id);
    }

    @Override
    public EventStream imageEvents(Consumer<String> onAction) {
        CountDownLatch closed = new CountDownLatch(1);
        imageListeners.add(onAction);
        return new EventStream() {
            @Override
            public void awaitCompletion() throws InterruptedException {
                closed.await();
            }

            @Override
            public void close() {
                imageListeners.remove(onAction);
                closed.countDown();
            }
        };
    }

    @Override
    public void close() {}

    @Override
    public synchronized int countRunningManagedOfAnyFleet() {
        calls.add("count managed");
        return (int) byName.values().stream()
                .filter(c -> c.running && "true".equals(c.labels.get(ContainerSpec.LABEL_MANAGED)))
                .count();
    }

    @Override
    public long engineMemoryBytes() {
        calls.add("info");
        return memoryBytes;
    }

    /** What {@link #engineMemoryBytes()} reports from now on (64 GiB until set). */
    public void memoryBytes(long bytes) {
        this.memoryBytes = bytes;
    }

    /** Thrown by {@link #fleetNetworkId} while set (Docker cannot give the fleet network). */
    public volatile RuntimeException networkFailure;

    @Override
    public String fleetNetworkId(dev.hermes.worker.docker.RuntimeNetwork network) {
        calls.add("network " + network.name());
        RuntimeException failure = networkFailure;
        if (failure != null) {
            throw failure;
        }
        return "net-" + network.name();
    }

    private Optional<Container> find(String idOrName) {
        Container byId = byName.values().stream()
                .filter(c -> c.id.equals(idOrName))
                .findFirst()
                .orElse(null);
        return Optional.ofNullable(byId != null ? byId : byName.get(idOrName));
    }
}
