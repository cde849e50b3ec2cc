package dev.hermes.admin;

/**
 * What a migration run did.
 *
 * @param baselinedLegacySchema the schema had been migrated by the hand-written tool that came before Flyway
 *     (hermes_schema_migrations); it was taken over at version 1 instead of being migrated again
 * @param applied how many migrations this run applied (0 when another worker had already done it)
 * @param schemaVersion the schema's version afterwards
 */
public record MigrationOutcome(boolean baselinedLegacySchema, int applied, String schemaVersion) {}
