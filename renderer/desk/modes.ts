import type { Condition, DeviceKind } from '../../shared/domain/device';
import type { EventData, EventType } from '../../shared/domain/event';
import type { Employee } from '../../shared/domain/reference';

/** The desk's workflows. Each records one event type per scanned device; `lookup` records nothing. */
export const modes = ['receive', 'prepare', 'handout', 'return', 'repair', 'repaired', 'dispose', 'lost', 'found', 'lookup'] as const;
export type Mode = (typeof modes)[number];
export type RecordingMode = Exclude<Mode, 'lookup'>;

export const modeEvent = {
  receive: 'received',
  prepare: 'prepared',
  handout: 'handed_out',
  return: 'returned',
  repair: 'sent_to_repair',
  repaired: 'repaired',
  dispose: 'disposed',
  lost: 'reported_lost',
  found: 'found',
} as const satisfies Record<RecordingMode, EventType>;

/** The workflow a suggested next step opens. */
export const modeForEvent: Partial<Record<EventType, RecordingMode>> = Object.fromEntries(
  Object.entries(modeEvent).map(([mode, event]) => [event, mode]),
);

/** What an operator sets once for a batch, then scans device after device. */
export interface BatchParams {
  kind: DeviceKind;
  model?: string;
  wiped: boolean;
  enrolled: boolean;
  employee?: Employee;
  condition: Condition;
  reason: string;
  vendor: string;
  ticket: string;
  outcome: EventData<'repaired'>['outcome'];
  /** No default: the operator chooses how a disposal batch leaves (a wrong default is a wrong record). */
  method?: EventData<'disposed'>['method'];
  certificate: string;
}

export const defaultBatchParams: BatchParams = {
  kind: 'phone',
  wiped: true,
  enrolled: true,
  condition: 'ok',
  reason: '',
  vendor: '',
  ticket: '',
  outcome: 'fixed',
  certificate: '',
};

/** The mode a `KVIK:MODE:<WORD>` card names; English and Danish words both work. */
export function modeFromCommand(word: string): Mode | undefined {
  const aliases: Record<string, Mode> = {
    RECEIVE: 'receive', MODTAG: 'receive',
    PREPARE: 'prepare', KLARGOR: 'prepare',
    HANDOUT: 'handout', UDLEVER: 'handout',
    RETURN: 'return', RETUR: 'return',
    REPAIR: 'repair', REPARATION: 'repair',
    REPAIRED: 'repaired', REPARERET: 'repaired',
    DISPOSE: 'dispose', BORTSKAF: 'dispose',
    LOST: 'lost', BORTKOMMET: 'lost',
    FOUND: 'found', FUNDET: 'found',
    LOOKUP: 'lookup', OPSLAG: 'lookup',
  };
  return aliases[word.toUpperCase()];
}
