import { z } from 'zod';
import { deviceKeySchema } from '../domain/device';
import { localDateSchema } from '../reports/calendar';

/**
 * The Intune evidence of the last reconciliation: the handed-out devices Intune had not seen,
 * which file said so and on what day. The desk keeps it in its settings
 * (`renderer/reports/intune-evidence.ts`), the central inventory in `intune_evidence` (migration
 * 016), so the unused devices and the monthly summary count them without the file being sent again.
 */
export const intuneEvidenceSchema = z.object({
  unused: z.array(deviceKeySchema).max(200_000),
  file: z.string().max(260),
  day: localDateSchema,
});
export type IntuneEvidence = z.infer<typeof intuneEvidenceSchema>;
