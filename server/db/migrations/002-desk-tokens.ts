import { sqlMigration } from './migration';

/**
 * Desk tokens issued by `desk add`: only a SHA-256 of the token is stored. The tokens are 256
 * random bits, so a fast hash is enough (nothing to brute-force); a leaked table issues nothing.
 * One active token per desk; revoked rows stay for the record.
 */
export const migration = sqlMigration(
  2,
  'desk tokens',
  `
  CREATE TABLE desk_tokens (
    token_hash text PRIMARY KEY,
    desk_id text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    revoked_at timestamptz
  );
  CREATE UNIQUE INDEX desk_tokens_one_active ON desk_tokens (desk_id) WHERE revoked_at IS NULL;
  `,
);
