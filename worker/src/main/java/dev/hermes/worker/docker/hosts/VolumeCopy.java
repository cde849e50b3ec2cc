package dev.hermes.worker.docker.hosts;

import dev.hermes.admin.DockerHost;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.docker.CarrierSpec;
import dev.hermes.worker.docker.ContainerSpec;
import dev.hermes.worker.docker.DockerCallFailedException;
import dev.hermes.worker.docker.VolumeSummary;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The copy of a family's volume between two engines: a carrier on each host (created, never started, no network, only
 * the volume mounted at {@value #DATA_PATH}), {@code GET archive} of {@value #DATA_PATH} on the source streamed into
 * {@code PUT archive} at {@code /opt} on the target (the tar's top entry is {@code data/}; owners and modes travel in
 * it), then both carriers removed. Carriers are named {@code hermes-move-<hex>} and labelled
 * {@value UnfinishedMoves#LABEL_CARRIER}: never taken for a family.
 */
final class VolumeCopy {
    static final String DATA_PATH = "/opt/data";
    private static final Logger log = LoggerFactory.getLogger(VolumeCopy.class);
    private final Engines engines;
    private final String image;
    private final String fleet;

    VolumeCopy(Engines engines, String image, String fleet) {
        this.engines = engines;
        this.image = image;
        this.fleet = fleet;
    }

    /** Makes the family's volume on {@code to} and copies the source's into it; returns the archive's size. */
    long copy(UserId user, String from, Map<String, String> source, DockerHost to, String movedAt) {
        String volume = user.volumeName();
        Map<String, String> now = engines.call(
                to.name(), d -> d.createVolume(volume, VolumeMover.targetLabels(source, to, from, movedAt)));
        if (!movedAt.equals(now.get(UnfinishedMoves.LABEL_MOVE_AT))) {
            throw new DockerCallFailedException(
                    "the family has a volume on " + to.name() + " already (not this move's copy)", null);
        }
        String sourceCarrier = engines.call(from, d -> d.createCarrier(carrier(user, source, from)));
        String targetCarrier = engines.call(to.name(), d -> d.createCarrier(carrier(user, source, to.name())));
        long bytes;
        try (InputStream tar = engines.call(from, d -> d.archiveOf(sourceCarrier, DATA_PATH));
                Counting counted = new Counting(tar)) {
            engines.call(to.name(), d -> {
                d.extract(targetCarrier, "/opt", counted);
                return null;
            });
            bytes = counted.count;
        } catch (IOException e) {
            throw new DockerCallFailedException("streaming the archive of " + volume + ": " + e.getMessage(), e);
        }
        engines.call(to.name(), d -> d.remove(targetCarrier));
        engines.call(from, d -> d.remove(sourceCarrier));
        return bytes;
    }

    /** Whether this move's copy ({@code movedAt}) is still on {@code to}. */
    boolean stands(UserId user, String to, String movedAt) {
        return engines.call(to, d -> d.volumes(user.volumeName())).stream()
                .filter(v -> v.name().equals(user.volumeName()))
                .map(VolumeSummary::labels)
                .anyMatch(labels -> movedAt.equals(labels.get(UnfinishedMoves.LABEL_MOVE_AT)));
    }

    /** Removes this move's carriers and its copy on {@code to} (only if the copy there is this move's). */
    void undo(UserId user, String to, String movedAt) {
        String carrier = UnfinishedMoves.carrierName(user);
        for (DockerHost host : engines.hosts()) {
            quietly(() -> engines.call(host.name(), d -> d.remove(carrier)));
        }
        quietly(() -> {
            if (stands(user, to, movedAt)) {
                engines.call(to, d -> d.removeVolume(user.volumeName()));
            }
            return null;
        });
    }

    /** Removes what an earlier try of the move off {@code from} left: carriers, and copies on other hosts. */
    void removeLeftovers(UserId user, String from, Set<String> holding) {
        String carrier = UnfinishedMoves.carrierName(user);
        for (DockerHost host : engines.hosts()) {
            if (!engines.outages().of(host.name()).down()) {
                quietly(() -> engines.call(host.name(), d -> d.remove(carrier)));
            }
        }
        for (String host : holding) {
            if (!host.equals(from)) {
                engines.call(host, d -> d.removeVolume(user.volumeName()));
                log.info("removed the unfinished copy of {} on Docker host {}", user.volumeName(), host);
            }
        }
    }

    private CarrierSpec carrier(UserId user, Map<String, String> source, String host) {
        Map<String, String> labels = new HashMap<>(source);
        labels.keySet()
                .removeAll(Set.of(
                        ContainerSpec.LABEL_MANAGED,
                        ContainerSpec.LABEL_USER,
                        UnfinishedMoves.LABEL_MOVE_FROM,
                        UnfinishedMoves.LABEL_MOVE_AT));
        labels.put(UnfinishedMoves.LABEL_CARRIER, "true");
        labels.put("hermes.move-user", user.value());
        labels.put(ContainerSpec.LABEL_FLEET, fleet);
        labels.put(ContainerSpec.LABEL_HOST, host);
        return new CarrierSpec(
                UnfinishedMoves.carrierName(user), image, user.volumeName(), DATA_PATH, Map.copyOf(labels));
    }

    private static void quietly(java.util.function.Supplier<?> call) {
        try {
            call.get();
        } catch (RuntimeException e) {
            log.debug("cleaning up after a move: {}", e.getMessage());
        }
    }

    /** Counts the bytes read through it. */
    private static final class Counting extends FilterInputStream {
        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
