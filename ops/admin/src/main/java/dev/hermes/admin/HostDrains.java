package dev.hermes.admin;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/** The Docker hosts that take no new families (table docker_host_drains): written by ops/hermes, read by workers. */
public final class HostDrains {
    private final Jdbi jdbi;

    public HostDrains(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** One drained host: since when, and who drained it. */
    public record Drain(String host, Instant drainedAt, String drainedBy) {}

    public List<Drain> all() {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT host, drained_at, drained_by FROM docker_host_drains ORDER BY host")
                .map((rs, ctx) -> new Drain(
                        rs.getString("host"),
                        rs.getObject("drained_at", OffsetDateTime.class).toInstant(),
                        rs.getString("drained_by")))
                .list());
    }

    /** The names of the drained hosts. */
    public Set<String> hosts() {
        return all().stream().map(Drain::host).collect(Collectors.toUnmodifiableSet());
    }

    /** Drains {@code host}; false if it was drained already (its first drain is kept). */
    public boolean drain(String host, Instant at, String by) {
        return jdbi.withHandle(h -> h.createUpdate("INSERT INTO docker_host_drains (host, drained_at, drained_by) "
                                + "VALUES (:host, :at, :by) ON CONFLICT (host) DO NOTHING")
                        .bind("host", host)
                        .bind("at", at.atOffset(ZoneOffset.UTC))
                        .bind("by", by)
                        .execute())
                == 1;
    }

    /** Opens {@code host} to new families again; false if it was not drained. */
    public boolean undrain(String host) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM docker_host_drains WHERE host = :host")
                        .bind("host", host)
                        .execute())
                == 1;
    }
}
