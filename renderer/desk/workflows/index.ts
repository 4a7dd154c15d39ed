import type { z } from 'zod';
import type { EventType } from '../../../shared/domain/event';
import { dispose } from './dispose';
import { found } from './found';
import { handout } from './handout';
import { lost } from './lost';
import { pack } from './pack';
import { prepare } from './prepare';
import { receive } from './receive';
import { repair } from './repair';
import { repaired } from './repaired';
import { giveBack } from './return';
import { unpack } from './unpack';
import type { Workflow } from './workflow';

/** Any workflow of the table, whatever its event and settings. */
export type AnyWorkflow = Workflow<EventType, z.ZodObject>;

/**
 * THE desk's workflows, in the order of their tabs. A row missing a piece of its workflow is a
 * type error here; its texts are `modes.<name>` in `renderer/i18n/` (the registry test checks).
 */
export const workflows = {
  receive,
  prepare,
  handout,
  return: giveBack,
  repair,
  repaired,
  dispose,
  lost,
  found,
  pack,
  unpack,
} satisfies Record<string, AnyWorkflow>;

export type WorkflowName = keyof typeof workflows;
export const workflowNames = Object.keys(workflows) as WorkflowName[];

export type SettingsOf<N extends WorkflowName> = z.output<(typeof workflows)[N]['settings']>;
/** Every workflow's settings: switching workflows and back keeps what was set. */
export type BatchSettings = { [N in WorkflowName]: SettingsOf<N> };

/** A workflow of the table, seen without its particular settings (what generic code needs). */
export function workflowOf(name: WorkflowName): AnyWorkflow {
  return workflows[name];
}

/** The workflow that records `type`, if any: where a suggested next step leads. */
export function workflowForEvent(type: EventType): WorkflowName | undefined {
  return workflowNames.find((name) => workflows[name].event === type);
}

/**
 * Every workflow's settings read from what the store kept: each through its own schema, a
 * workflow whose settings no longer read (an older version, a changed schema) back to its defaults.
 */
export function readBatchSettings(stored: unknown): BatchSettings {
  const kept = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  const entries = workflowNames.map((name) => {
    const { settings } = workflowOf(name);
    const read = settings.safeParse(kept[name] ?? {});
    return [name, read.success ? read.data : settings.parse({})];
  });
  return Object.fromEntries(entries) as BatchSettings;
}

/** A workflow's settings after DONE: what belongs to one batch back to its default. */
export function settingsAfterDone(name: WorkflowName, current: Record<string, unknown>): Record<string, unknown> {
  const { settings, clearedByDone } = workflowOf(name);
  const defaults: Record<string, unknown> = settings.parse({});
  const next = { ...current };
  for (const key of clearedByDone) {
    if (key in defaults) next[key] = defaults[key];
    else delete next[key];
  }
  return next;
}

/** The setting this workflow still needs before a device is scanned: its message key. */
export function missingSetting(name: WorkflowName, current: Record<string, unknown>): string | undefined {
  const required: Record<string, string | undefined> = workflowOf(name).required;
  for (const [key, message] of Object.entries(required)) {
    const value = current[key];
    if (message && (value === undefined || (typeof value === 'string' && value.trim() === ''))) return message;
  }
  return undefined;
}
