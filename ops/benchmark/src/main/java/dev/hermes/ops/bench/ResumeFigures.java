package dev.hermes.ops.bench;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import dev.hermes.client.RuntimeClient;
import dev.hermes.client.RuntimeHandle;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.docker.ContainerSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * resume_p50 / resume_p99: an ensure of a paused runtime (the family's container paused through the Docker API, as
 * tiered idle pauses it), against a raw `docker unpause` plus the first /health 200 of a paused raw container, in
 * the same run and alternating, after {@link #WARM_UP_ROUNDS} untimed rounds of the same. paused_mem_mb: the mean resident memory of those paused containers, both sides.
 * An answer is only timed as a resume if it is the same container and it answers /health: a worker that answers a
 * paused runtime's URL as if it were warm, or replaces the container, fails the figure instead.
 */
public final class ResumeFigures {
    private static final Duration TIMEOUT = Duration.ofSeconds(130);
    private static final Duration PROBE = Duration.ofMillis(500);
    private static final int MEMORY_SAMPLES = 5;
    /**
     * Untimed rounds first (pause all, resume all, both sides alternating): a scheduler trace of the timed loop without
     * them showed the JIT compilers of the worker, the broker and this JVM taking a third of the machine's CPU in a
     * resume's window, as the resume path ran for its first few dozen times. A worker that has run a while has it
     * compiled; the raw side's code in this JVM gets the same rounds.
     */
    private static final int WARM_UP_ROUNDS = 6;

    private final BenchStack stack;
    private final RuntimeClient client;
    private final RawSpawner raw;
    private final HealthPoller health = new HealthPoller();

    public ResumeFigures(BenchStack stack, RuntimeClient client, RawSpawner raw) {
        this.stack = stack;
        this.client = client;
        this.raw = raw;
    }

    /** A paused container of either side: what to ensure or unpause, and how to tell it was resumed. */
    private record Paused(UserId user, String name, String id, String url) {}

    public List<Figure> measure(int count) throws Exception {
        DockerClient docker = stack.docker();
        List<Paused> families = new ArrayList<>();
        List<Paused> raws = new ArrayList<>();
        try {
            // one more of each side than is timed: the first resume of each warms the JIT and the connections
            for (int i = 0; i <= count; i++) {
                UserId user = stack.janitor().systemUser(UserId.random());
                RuntimeHandle handle = client.ensureRuntime(user, TIMEOUT);
                families.add(new Paused(user, handle.containerName(), idOf(handle.containerName()), handle.url()));
                ContainerSpec spec = raw.newSpec();
                String url = raw.spawn(spec);
                raws.add(new Paused(null, spec.name(), idOf(spec.name()), url));
            }
            ResumeVerdict verdict = new ResumeVerdict(); // every resume is judged, the untimed ones too
            for (int round = 0; round < WARM_UP_ROUNDS; round++) {
                pauseAll(families, raws);
                round(families, raws, new Samples(verdict), ResumeTrace.off());
            }
            pauseAll(families, raws);
            PausedMemory memory = new PausedMemory(docker);
            double systemMem = meanMb(memory, families);
            double rawMem = meanMb(memory, raws);
            Samples timed = new Samples(verdict);
            try (ResumeTrace trace = ResumeTrace.from(stack.env().env())) {
                round(families, raws, timed, trace);
            }
            LatencySample system = timed.system;
            LatencySample baseline = timed.baseline;
            EnsureLegs legs = timed.legs;
            LatencySample workerSide = timed.workerSide;
            Figure mem = FigureGroup.spec("paused_mem_mb")
                    .of(systemMem, rawMem)
                    .with("n", Math.min(count, MEMORY_SAMPLES))
                    .with("note", "resident = cgroup usage minus page cache (docker stats)");
            return List.of(
                    legs.addTo(verdict.figure("resume_p50", system.medianMs(), baseline.medianMs(), count)
                            .with("worker_p50_ms", workerSide.medianMs())),
                    verdict.figure("resume_p99", system.percentileMs(0.99), baseline.percentileMs(0.99), count)
                            .with("system_max", system.maxMs())
                            .with("raw_max", baseline.maxMs()),
                    mem);
        } finally {
            families.forEach(p -> unpauseQuietly(docker, p.id()));
            raws.forEach(p -> unpauseQuietly(docker, p.id()));
            stack.janitor().cleanSystem();
            stack.janitor().cleanRaw();
        }
    }

    /** One round's samples; the first resume of each side in a round is not timed (its connections are cold). */
    private static final class Samples {
        final LatencySample system = new LatencySample();
        final LatencySample baseline = new LatencySample();
        final EnsureLegs legs = new EnsureLegs();
        final LatencySample workerSide = new LatencySample();
        final ResumeVerdict verdict;

        Samples(ResumeVerdict verdict) {
            this.verdict = verdict;
        }
    }

    /** Resumes every paused container once, the system's and the raw one alternating: the same code, timed or not. */
    private void round(List<Paused> families, List<Paused> raws, Samples samples, ResumeTrace trace) throws Exception {
        DockerClient docker = stack.docker();
        for (int i = 0; i < families.size(); i++) {
            Paused family = families.get(i);
            LatencySample systemSide = i == 0 ? new LatencySample() : samples.system;
            Instant sent = Instant.now();
            long s0 = System.nanoTime();
            RuntimeHandle again = systemSide.time(() -> client.ensureRuntime(family.user(), TIMEOUT));
            trace.window("system", s0, System.nanoTime(), again.ready().occurredAt());
            if (i > 0) {
                samples.legs.record(sent, again, Instant.now());
                samples.workerSide.add(again.ready().totalMs() * 1_000_000L);
            }
            samples.verdict.judge(family.id(), idOrNull(family.name()), again.url(), answers(again.url()));
            Paused r = raws.get(i);
            long t0 = System.nanoTime();
            docker.unpauseContainerCmd(r.id()).exec();
            health.awaitHealthy(r.url(), Duration.ofSeconds(10));
            trace.window("raw", t0, System.nanoTime(), null);
            if (i > 0) {
                samples.baseline.add(System.nanoTime() - t0);
            }
        }
    }

    private void pauseAll(List<Paused> families, List<Paused> raws) throws InterruptedException {
        DockerClient docker = stack.docker();
        families.forEach(p -> docker.pauseContainerCmd(p.id()).exec());
        raws.forEach(p -> docker.pauseContainerCmd(p.id()).exec());
        // the worker learns of a pause from Docker's event stream: give it a moment to take the runtime
        // out of its warm set
        Thread.sleep(Long.parseLong(stack.env().get("HERMES_BENCH_PAUSE_SETTLE_MS", "500")));
    }

    private boolean answers(String url) {
        return health.answersWithin(url, PROBE);
    }

    private String idOf(String name) {
        return stack.docker().inspectContainerCmd(name).exec().getId();
    }

    private String idOrNull(String name) {
        try {
            InspectContainerResponse inspected =
                    stack.docker().inspectContainerCmd(name).exec();
            return inspected.getId();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static void unpauseQuietly(DockerClient docker, String id) {
        try {
            docker.unpauseContainerCmd(id).exec();
        } catch (RuntimeException e) {
            // not paused any more, or gone
        }
    }

    /** Over the first {@value #MEMORY_SAMPLES}: a one-shot `docker stats` takes about a second each. */
    private static double meanMb(PausedMemory memory, List<Paused> containers) {
        return containers.stream()
                .limit(MEMORY_SAMPLES)
                .mapToDouble(p -> memory.residentMb(p.id()))
                .filter(mb -> !Double.isNaN(mb))
                .average()
                .orElse(Double.NaN);
    }
}
