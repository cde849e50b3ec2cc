-- Docker hosts (HERMES_DOCKER_HOSTS) that take no new families: `ops/hermes hosts drain NAME` adds one,
-- `undrain` removes it. Workers re-read the table every few seconds.
CREATE TABLE IF NOT EXISTS docker_host_drains (
    host text PRIMARY KEY,
    drained_at timestamptz NOT NULL,
    drained_by text NOT NULL
);
