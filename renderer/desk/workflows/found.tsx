import { z } from 'zod';
import type { Workflow } from './workflow';

const settings = z.object({});

/** A lost device turned up: it comes back as returned, for triage. Nothing to set. */
export const found = {
  event: 'found',
  settings,
  required: {},
  data: () => ({}),
  Panel: () => null,
  words: { da: 'FUNDET', en: 'FOUND' },
  clearedByDone: [],
} satisfies Workflow<'found', typeof settings>;
