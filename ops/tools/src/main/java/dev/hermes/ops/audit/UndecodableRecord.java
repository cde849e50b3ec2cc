package dev.hermes.ops.audit;

/** A record on the events topic that the codec rejected: where it is ("topic-partition@offset") and why. */
public record UndecodableRecord(String source, String error) {}
