import { z } from 'zod';
import { deviceKeySchema } from '../domain/device';
import { localDateSchema, type LocalDate } from '../reports/calendar';

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

/**
 * The evidence a reconciled export gives: its unused devices, its name and day — or none when no
 * line of it was read as a device (too large, no identifier columns, another system's file): such
 * a file says nothing of which devices are used, and kept it would show every handed-out device
 * unused until the next export.
 */
export function evidenceOfExport(read: { lines: number; unused: ReadonlyArray<{ key: string }> }, file: string, day: LocalDate): IntuneEvidence | null {
  if (read.lines === 0) return null;
  return { unused: read.unused.map((device) => device.key), file: file.slice(0, 260), day };
}

/** What the monthly summary counts of the evidence (`MonthlyContext`): its unused devices and where they come from; nothing without it. */
export function evidenceForSummary(evidence: IntuneEvidence | null | undefined): { intuneUnused?: readonly string[]; intuneSource?: { file: string; day: LocalDate } } {
  return evidence ? { intuneUnused: evidence.unused, intuneSource: { file: evidence.file, day: evidence.day } } : {};
}
