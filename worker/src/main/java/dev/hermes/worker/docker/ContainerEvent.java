package dev.hermes.worker.docker;

import java.util.Map;

/** One event of a container: its id, the action (die, stop...) and the actor's attributes (its labels). */
public record ContainerEvent(String containerId, String action, Map<String, String> attributes) {}
