package dev.hermes.worker.testing;

import dev.hermes.schemas.Event;
import dev.hermes.schemas.EventCodec;
import dev.hermes.schemas.RuntimeStopped;
import dev.hermes.schemas.StopReason;
import dev.hermes.schemas.UserId;
import java.util.List;

/** What the liveness ITs read: the family's audit events and its container's state. */
public final class Deaths {
    private static final EventCodec CODEC = new EventCodec();

    private Deaths() {}

    public static List<Event> audit(Stack stack, UserId user) {
        return TopicDump.values(stack.bootstrapServers(), stack.topics().events()).stream()
                .map(CODEC::decode)
                .filter(e -> user.equals(e.userId()))
                .toList();
    }

    public static List<RuntimeStopped> stops(Stack stack, UserId user, StopReason reason) {
        return audit(stack, user).stream()
                .filter(e -> e instanceof RuntimeStopped s && s.reason() == reason)
                .map(RuntimeStopped.class::cast)
                .toList();
    }

    public static String containerId(Stack stack, UserId user) {
        return stack.docker().inspectContainerCmd(user.containerName()).exec().getId();
    }

    public static boolean running(Stack stack, UserId user) {
        try {
            return Boolean.TRUE.equals(stack.docker()
                    .inspectContainerCmd(user.containerName())
                    .exec()
                    .getState()
                    .getRunning());
        } catch (com.github.dockerjava.api.exception.NotFoundException e) {
            return false;
        }
    }
}
