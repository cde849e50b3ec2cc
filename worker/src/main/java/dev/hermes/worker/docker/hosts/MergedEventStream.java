package dev.hermes.worker.docker.hosts;

import dev.hermes.worker.docker.Docker;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** Several engines' event streams as one: it ends when the first of them ends, and closing it closes them all. */
final class MergedEventStream implements Docker.EventStream {
    private final List<Docker.EventStream> streams;
    private final CountDownLatch firstEnded = new CountDownLatch(1);

    private MergedEventStream(List<Docker.EventStream> streams) {
        this.streams = List.copyOf(streams);
    }

    static Docker.EventStream of(List<Docker.EventStream> streams) {
        MergedEventStream merged = new MergedEventStream(streams);
        for (Docker.EventStream stream : merged.streams) {
            Thread waiter = new Thread(
                    () -> {
                        try {
                            stream.awaitCompletion();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        } catch (RuntimeException e) {
                            // the engine went away: the stream ended, which is what this waits for
                        } finally {
                            merged.firstEnded.countDown();
                        }
                    },
                    "hermes-docker-events-host");
            waiter.setDaemon(true);
            waiter.start();
        }
        return merged;
    }

    @Override
    public void awaitCompletion() throws InterruptedException {
        firstEnded.await();
    }

    @Override
    public void close() {
        streams.forEach(Docker.EventStream::close);
        firstEnded.countDown();
    }
}
