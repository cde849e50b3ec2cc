package dev.hermes.admin;

import java.time.Instant;

/**
 * An account as stored, with when it was set (the AccountUpdated's occurredAt, or the time of a direct write)
 * and by whom (null for a direct write).
 */
public record StoredAccount(Account account, Instant updatedAt, String updatedBy) {}
