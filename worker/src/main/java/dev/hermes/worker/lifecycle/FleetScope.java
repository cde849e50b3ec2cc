package dev.hermes.worker.lifecycle;

import java.util.Set;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * Which runtimes are this worker's to manage: those of its fleet (the consumer group, a Docker label)
 * whose family's partition it owns right now.
 */
public record FleetScope(String fleet, Supplier<Set<Integer>> ownedPartitions, IntSupplier partitionCount) {}
