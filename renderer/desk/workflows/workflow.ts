import type { ReactNode } from 'react';
import type { z } from 'zod';
import type { Device } from '../../../shared/domain/device';
import type { EventData, EventType } from '../../../shared/domain/event';
import type { Model } from '../../../shared/domain/reference';
import type { LocalDate } from '../../../shared/reports/calendar';
import type { ParsedScan } from '../../../shared/scan/parse';
import type { Destination } from '../../app/navigation';

/** A translatable message: an i18n key and its parameters. */
export interface Message {
  key: string;
  params?: Record<string, string | number>;
}

/** A scan that names a device (not a command, a model barcode, an employee or an unreadable label). */
export type DeviceScan = Exclude<ParsedScan, { kind: 'command' | 'gtin' | 'invalid' | 'employee' | 'request' }>;

/** Where and when the desk stands: what an event's data may need beyond the batch's settings. */
export interface DeskPlace {
  location: string;
  /** The desk's calendar day (the municipality's time zone). */
  today: LocalDate;
}

export interface Refusal<S> {
  tone: 'error' | 'warning';
  message: Message;
  settings?: Partial<S>;
}

export interface SettingsPanelProps<S> {
  settings: S;
  onChange(patch: Partial<S>): void;
}

/**
 * One desk workflow, complete: adding a workflow is one file exporting one of these, one row in
 * the table (`index.ts`) and its texts. The methods are written as methods so the table can hold
 * workflows of different settings side by side.
 */
export interface Workflow<T extends EventType, Schema extends z.ZodObject> {
  /** The event every device scanned in this workflow gets. */
  event: T;
  /** What the operator sets once for the batch; its defaults are the schema's. */
  settings: Schema;
  /** Settings that must be set before a device is scanned, each with the message when it is not. */
  required: { readonly [K in keyof z.output<Schema>]?: string };
  /** The event's data for a scanned device. */
  data(settings: z.output<Schema>, scan: DeviceScan, place: DeskPlace): EventData<T>;
  /**
   * Why this device may not join the batch here, beyond what the lifecycle refuses: red (an error),
   * or amber with settings to remember it by (a device that was not expected).
   */
  refuses?(device: Device, place: DeskPlace, settings: z.output<Schema>): Refusal<z.output<Schema>> | undefined;
  /** The settings a model barcode (GTIN) on the box sets; without it such a scan is refused. */
  modelFromBox?(model: Model): Partial<z.output<Schema>>;
  /** The settings panel above the feedback. */
  Panel(props: SettingsPanelProps<z.output<Schema>>): ReactNode;
  /** The word of its command card, `KVIK:MODE:<word>`, in both languages. */
  words: { da: string; en: string };
  /** What DONE opens, if anything (the packing slip of the transfer just sent). */
  opensAfterDone?(settings: z.output<Schema>): Destination | undefined;
  /** Settings that belong to one batch only: DONE puts them back to their defaults. */
  clearedByDone: readonly (keyof z.output<Schema>)[];
}
