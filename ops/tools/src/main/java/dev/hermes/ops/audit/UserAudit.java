package dev.hermes.ops.audit;

/** The result of `audit user`: the timeline, the scope it was asked for and what the replay read. */
public record UserAudit(Timeline timeline, ReplayScope scope, ReplayStats replay) {}
