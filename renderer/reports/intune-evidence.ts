import { intuneEvidenceSchema, type IntuneEvidence } from '../../shared/fleet/intune-evidence';
import type { KvikDb } from '../store/db';

/**
 * The Intune evidence of the last reconciliation (`fleet/IntuneReport.tsx`; its shape in
 * `shared/fleet/intune-evidence.ts`), kept in the desk's settings table so the monthly summary can
 * count the unused devices without the file being loaded again.
 */
export const INTUNE_EVIDENCE_KEY = 'intuneEvidence';
export type { IntuneEvidence };

export async function loadIntuneEvidence(db: KvikDb): Promise<IntuneEvidence | undefined> {
  const row = await db.settings.get(INTUNE_EVIDENCE_KEY);
  const parsed = intuneEvidenceSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : undefined;
}

export async function saveIntuneEvidence(db: KvikDb, evidence: IntuneEvidence): Promise<void> {
  await db.settings.put({ key: INTUNE_EVIDENCE_KEY, value: intuneEvidenceSchema.parse(evidence) });
}
