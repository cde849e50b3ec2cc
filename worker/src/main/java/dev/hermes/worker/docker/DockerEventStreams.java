package dev.hermes.worker.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;
import java.io.IOException;
import java.util.Map;
import java.util.function.Consumer;

/** Docker's event streams (managed containers, images) on docker-java, for {@link DockerJava}. */
final class DockerEventStreams {
    private final DockerClient docker;

    DockerEventStreams(DockerClient docker) {
        this.docker = docker;
    }

    Docker.EventStream containerEvents(String fleet, Consumer<ContainerEvent> onEvent) {
        ResultCallback.Adapter<Event> callback = new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Event event) {
                Map<String, String> attributes =
                        event.getActor() == null ? null : event.getActor().getAttributes();
                onEvent.accept(new ContainerEvent(event.getId(), event.getAction(), attributes));
            }
        };
        docker.eventsCmd()
                .withLabelFilter(ContainerSpec.LABEL_MANAGED + "=true", ContainerSpec.LABEL_FLEET + "=" + fleet)
                .withEventTypeFilter("container")
                .withEventFilter("die", "stop", "kill", "destroy", "oom", "pause", "unpause")
                .exec(callback);
        return streamOf(callback);
    }

    Docker.EventStream imageEvents(Consumer<String> onAction) {
        ResultCallback.Adapter<Event> callback = new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Event event) {
                onAction.accept(event.getAction());
            }
        };
        docker.eventsCmd()
                .withEventTypeFilter("image")
                .withEventFilter("tag", "untag", "load", "import", "pull", "delete")
                .exec(callback);
        return streamOf(callback);
    }

    private static Docker.EventStream streamOf(ResultCallback.Adapter<Event> callback) {
        return new Docker.EventStream() {
            @Override
            public void awaitCompletion() throws InterruptedException {
                callback.awaitCompletion();
            }

            @Override
            public void close() {
                closeQuietly(callback);
            }
        };
    }

    static void closeQuietly(java.io.Closeable callback) {
        if (callback == null) {
            return;
        }
        try {
            callback.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
