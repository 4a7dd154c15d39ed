import { workflowNames, workflows, type WorkflowName } from './workflows';

/** What the desk can be doing: one of the workflows, or looking devices up (which records nothing). */
export const modes = [...workflowNames, 'lookup'] as const;
export type Mode = WorkflowName | 'lookup';

const lookupWords = { da: 'OPSLAG', en: 'LOOKUP' };

/** The mode a `KVIK:MODE:<WORD>` card names; English and Danish words both work. */
export function modeFromCommand(word: string): Mode | undefined {
  const upper = word.toUpperCase();
  if (upper === lookupWords.da || upper === lookupWords.en) return 'lookup';
  return workflowNames.find((name) => workflows[name].words.da === upper || workflows[name].words.en === upper);
}

/** The English word of a mode's command card (`KVIK:MODE:<word>`). */
export function commandWord(mode: Mode): string {
  return mode === 'lookup' ? lookupWords.en : workflows[mode].words.en;
}
