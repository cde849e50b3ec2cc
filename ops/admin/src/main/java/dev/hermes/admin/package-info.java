/**
 * What operators do to a hermes deployment, as a library that {@code ops/hermes} and the worker use.
 *
 * <ul>
 *   <li>Settings: {@link dev.hermes.admin.Database} (pool, waits for PostgreSQL, then
 *       {@link dev.hermes.admin.Migrations}, Flyway), {@link dev.hermes.admin.SettingsStore} (global settings and
 *       accounts), {@link dev.hermes.admin.SettingsAnnouncer} (tells the workers).</li>
 *   <li>Kafka: {@link dev.hermes.admin.KafkaAccess} (bootstrap servers plus HERMES_KAFKA_PROPERTIES_FILE),
 *       {@link dev.hermes.admin.TopicAdmin} (create and verify the topics).</li>
 *   <li>Families: {@link dev.hermes.admin.FamilyForgetter} (the one path that deletes a family's data).</li>
 *   <li>The DLQ: {@link dev.hermes.admin.DeadLetters} (list, plan, replay).</li>
 * </ul>
 *
 * <p>Failures are unchecked {@link dev.hermes.schemas.HermesException}s. {@code dev.hermes.admin.internal} holds
 * the details and is not an API.
 */
package dev.hermes.admin;
