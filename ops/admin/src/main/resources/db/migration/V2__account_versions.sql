-- AccountUpdated events reach every worker, in any order and more than once: the stored identity is the
-- one with the newest occurredAt (kept in updated_at), ties broken by the larger event_id.
ALTER TABLE accounts ADD COLUMN IF NOT EXISTS updated_by text;
ALTER TABLE accounts ADD COLUMN IF NOT EXISTS event_id uuid;
