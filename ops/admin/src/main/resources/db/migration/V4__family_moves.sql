-- Volume moves asked for by `ops/hermes hosts move NAME`: one row per family. The family's owning worker (its
-- partition owner) picks up a PENDING row, moves the family's stopped runtime and volume off from_host inside the
-- family's lane, and finishes the row as MOVED (with to_host) or FAILED (with the reason). A worker that dies
-- mid-move leaves the row PENDING: the next owner tries again. Only operators write here (no Kafka record can
-- ask for a move), so an untrusted caller cannot move anybody's data.
CREATE TABLE IF NOT EXISTS family_moves (
    user_id text PRIMARY KEY,
    from_host text NOT NULL,
    requested_at timestamptz NOT NULL,
    requested_by text NOT NULL,
    state text NOT NULL CHECK (state IN ('PENDING', 'MOVED', 'FAILED')),
    to_host text,
    reason text,
    finished_at timestamptz
);
CREATE INDEX IF NOT EXISTS family_moves_pending ON family_moves (requested_at) WHERE state = 'PENDING';
