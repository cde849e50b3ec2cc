-- Global LLM settings: one row, admin-only. version is bumped by every save.
CREATE TABLE IF NOT EXISTS global_settings (
    id          smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    provider    text        NOT NULL,
    model       text        NOT NULL,
    base_url    text,
    api_key     text,
    version     bigint      NOT NULL CHECK (version >= 1),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    updated_by  text        NOT NULL
);

INSERT INTO global_settings (id, provider, model, base_url, api_key, version, updated_by)
VALUES (1, 'openrouter', 'nousresearch/hermes-4-70b', 'https://openrouter.ai/api/v1', NULL, 1, 'migration')
ON CONFLICT (id) DO NOTHING;

-- The identity block the seed writes into MEMORY.md on every boot.
CREATE TABLE IF NOT EXISTS accounts (
    user_id      uuid PRIMARY KEY,
    display_name text        NOT NULL,
    timezone     text,
    locale       text,
    members      text,
    notes        text,
    updated_at   timestamptz NOT NULL DEFAULT now()
);

-- an edit made after V1 was applied: this file must fail validation
ALTER TABLE accounts ADD COLUMN IF NOT EXISTS nickname text;
