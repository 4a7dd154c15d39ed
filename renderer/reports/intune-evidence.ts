import { z } from 'zod';
import { deviceKeySchema } from '../../shared/domain/device';
import { localDateSchema } from '../../shared/reports/calendar';
import type { KvikDb } from '../store/db';

/**
 * The Intune evidence of the last reconciliation (`fleet/IntuneReport.tsx`): the handed-out devices
 * Intune had not seen, which file said so and on what day. Kept in the desk's settings table so
 * the monthly summary can count the unused devices without the file being loaded again.
 */
export const INTUNE_EVIDENCE_KEY = 'intuneEvidence';

export const intuneEvidenceSchema = z.object({
  unused: z.array(deviceKeySchema).max(100_000),
  file: z.string().max(260),
  day: localDateSchema,
});
export type IntuneEvidence = z.infer<typeof intuneEvidenceSchema>;

export async function loadIntuneEvidence(db: KvikDb): Promise<IntuneEvidence | undefined> {
  const row = await db.settings.get(INTUNE_EVIDENCE_KEY);
  const parsed = intuneEvidenceSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : undefined;
}

export async function saveIntuneEvidence(db: KvikDb, evidence: IntuneEvidence): Promise<void> {
  await db.settings.put({ key: INTUNE_EVIDENCE_KEY, value: intuneEvidenceSchema.parse(evidence) });
}
