import { intuneEvidenceSchema, type IntuneEvidence } from '../../shared/fleet/intune-evidence';
import type { Queryable } from '../db/database';

/** The evidence kept from the last Intune export posted (migration 016); null when none was, or what is kept no longer reads as evidence. */
export async function readIntuneEvidence(db: Queryable): Promise<IntuneEvidence | null> {
  const [row] = await db.query('SELECT evidence FROM intune_evidence WHERE id = 1');
  const parsed = intuneEvidenceSchema.safeParse(row?.evidence);
  return parsed.success ? parsed.data : null;
}

/** Keeps `evidence` in place of the last. */
export async function keepIntuneEvidence(db: Queryable, evidence: IntuneEvidence): Promise<void> {
  await db.query(
    `INSERT INTO intune_evidence (id, evidence) VALUES (1, $1::jsonb)
     ON CONFLICT (id) DO UPDATE SET evidence = EXCLUDED.evidence, kept_at = now()`,
    [JSON.stringify(intuneEvidenceSchema.parse(evidence))],
  );
}
