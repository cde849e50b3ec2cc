package dev.hermes.ops.audit;

/** One user and how many times something (failures) happened to them. */
public record UserCount(String userId, long count) {}
