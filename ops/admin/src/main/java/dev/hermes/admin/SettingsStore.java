package dev.hermes.admin;

import dev.hermes.schemas.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/** Reads and saves the global settings and the account identities. */
public final class SettingsStore {
    private final Jdbi jdbi;

    public SettingsStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public GlobalSettings current() {
        return jdbi.withHandle(h -> h.createQuery("SELECT provider, model, base_url, api_key, version, updated_at, "
                        + "updated_by FROM global_settings WHERE id = 1")
                .map((rs, ctx) -> settings(rs))
                .one());
    }

    public long currentVersion() {
        return jdbi.withHandle(h -> h.createQuery("SELECT version FROM global_settings WHERE id = 1")
                .mapTo(Long.class)
                .one());
    }

    /** Saves new settings and bumps the version atomically; returns the saved settings. */
    public GlobalSettings save(String provider, String model, String baseUrl, Secret apiKey, String updatedBy) {
        return jdbi.inTransaction(h -> h.createQuery("UPDATE global_settings SET provider = :provider, model = :model, "
                        + "base_url = :baseUrl, api_key = :apiKey, version = version + 1, updated_at = now(), "
                        + "updated_by = :updatedBy WHERE id = 1 RETURNING provider, model, base_url, api_key, version, "
                        + "updated_at, updated_by")
                .bind("provider", provider)
                .bind("model", model)
                .bind("baseUrl", baseUrl)
                .bind("apiKey", apiKey == null ? null : apiKey.reveal())
                .bind("updatedBy", updatedBy)
                .map((rs, ctx) -> settings(rs))
                .one());
    }

    public Optional<Account> account(UserId userId) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT display_name, timezone, locale, members, notes FROM accounts " + "WHERE user_id = ?")
                .bind(0, UUID.fromString(userId.value()))
                .map((rs, ctx) -> new Account(
                        userId, rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .findOne());
    }

    /** Saves {@code account} whatever is stored (an operator's direct write); prefer {@link #saveAccountIfNewer}. */
    public void saveAccount(Account account) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO accounts (user_id, display_name, timezone, locale, members, "
                        + "notes) VALUES (:id, :name, :tz, :locale, :members, :notes) ON CONFLICT (user_id) DO UPDATE "
                        + "SET display_name = :name, timezone = :tz, locale = :locale, members = :members, "
                        + "notes = :notes, updated_at = now()")
                .bind("id", UUID.fromString(account.userId().value()))
                .bind("name", account.displayName())
                .bind("tz", account.timezone())
                .bind("locale", account.locale())
                .bind("members", account.members())
                .bind("notes", account.notes())
                .execute());
    }

    /**
     * Saves {@code account} as set at {@code setAt} by event {@code eventId}, unless the stored one is newer: a
     * later {@code setAt}, or the same instant (to the microsecond) and an event id not smaller. So replays,
     * duplicates and events arriving out of order, at any number of workers, all end with the same row.
     *
     * @return whether the row changed
     */
    public boolean saveAccountIfNewer(Account account, Instant setAt, UUID eventId, String setBy) {
        return jdbi.withHandle(h -> h.createUpdate("INSERT INTO accounts (user_id, display_name, timezone, locale, "
                                + "members, notes, updated_at, updated_by, event_id) VALUES (:id, :name, :tz, :locale, "
                                + ":members, :notes, :at, :by, :event) ON CONFLICT (user_id) DO UPDATE SET "
                                + "display_name = EXCLUDED.display_name, timezone = EXCLUDED.timezone, "
                                + "locale = EXCLUDED.locale, members = EXCLUDED.members, notes = EXCLUDED.notes, "
                                + "updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by, "
                                + "event_id = EXCLUDED.event_id WHERE accounts.updated_at < EXCLUDED.updated_at "
                                + "OR (accounts.updated_at = EXCLUDED.updated_at "
                                + "AND (accounts.event_id IS NULL OR accounts.event_id < EXCLUDED.event_id))")
                        .bind("id", UUID.fromString(account.userId().value()))
                        .bind("name", account.displayName())
                        .bind("tz", account.timezone())
                        .bind("locale", account.locale())
                        .bind("members", account.members())
                        .bind("notes", account.notes())
                        // PostgreSQL keeps microseconds: compare what it stores, not the nanoseconds
                        .bind("at", OffsetDateTime.ofInstant(setAt.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC))
                        .bind("by", setBy)
                        .bind("event", eventId)
                        .execute())
                > 0;
    }

    /** The account with when and by whom it was last set, or empty if the family has none. */
    public Optional<StoredAccount> storedAccount(UserId userId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT display_name, timezone, locale, members, notes, updated_at, "
                        + "updated_by FROM accounts WHERE user_id = ?")
                .bind(0, UUID.fromString(userId.value()))
                .map((rs, ctx) -> new StoredAccount(
                        new Account(
                                userId,
                                rs.getString(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getString(5)),
                        rs.getTimestamp(6).toInstant(),
                        rs.getString(7)))
                .findOne());
    }

    public boolean hasAccount(UserId userId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT 1 FROM accounts WHERE user_id = ?")
                .bind(0, UUID.fromString(userId.value()))
                .mapTo(Integer.class)
                .findOne()
                .isPresent());
    }

    /** Every family with an account (for an admission cache: one query at start). */
    public Set<UserId> accountIds() {
        return jdbi.withHandle(h -> h.createQuery("SELECT user_id FROM accounts")
                .map((rs, ctx) -> UserId.fromUuid(rs.getObject(1, UUID.class)))
                .collect(Collectors.toSet()));
    }

    private static GlobalSettings settings(ResultSet rs) throws SQLException {
        String key = rs.getString("api_key");
        Timestamp updatedAt = rs.getTimestamp("updated_at");
        return new GlobalSettings(
                rs.getString("provider"),
                rs.getString("model"),
                rs.getString("base_url"),
                key == null || key.isEmpty() ? Optional.empty() : Optional.of(new Secret(key)),
                rs.getLong("version"),
                updatedAt == null ? Instant.EPOCH : updatedAt.toInstant(),
                rs.getString("updated_by"));
    }
}
