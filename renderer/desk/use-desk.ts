import { startTransition, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useLiveQuery } from 'dexie-react-hooks';
import type { ScanEvent } from '../../shared/scan/scan-event';
import type { Services } from '../app/services';
import { playTone } from '../feedback/sounds';
import type { StoredEvent } from '../store/db';
import { addsNoDevice, batchEvents, batchKeys, loadBatch, newBatch, saveBatch, undoneIds, type Batch } from './batch';
import type { Message } from './decide';
import type { DeskContext } from './desk-context';
import type { Mode } from './modes';
import { readScan } from './read-scan';
import { settingsAfterDone, workflowForEvent, workflowOf, type WorkflowName } from './workflows';
import type { Destination } from '../app/navigation';
import { performScan, type ScanOutcome, type Tone } from './perform-scan';
import { ScanMemoryKeeper } from './scan-memory';
import { markScan } from './scan-marks';
import { ShownNowStore } from './shown-now';
import { undoLastAction } from './undo';
import type { Employee } from '../../shared/domain/reference';
import { useIdleRelease } from '../counter/use-idle-release';
import { batchReceipt } from '../receipts/batch-receipt';
import { suggestedNextStep } from '../../shared/lifecycle/next-step';
import type { Accessory } from '../../shared/accessories/catalogue';
import { issueAccessory, receiveAccessory } from '../accessories/desk-actions';
import { latestUndoable, undoAccessory } from '../accessories/undo';

/** A box of accessories scanned in receive: its count is asked for before anything is recorded. */
export interface AccessoryPrompt {
  accessory: Accessory;
  gtin: string;
  /** Counts the boxes asked about, so the same box scanned again asks afresh. */
  n: number;
}

export interface Feedback {
  tone: Tone;
  message: Message;
  /** Increases with every result, so the same text twice still flashes. */
  n: number;
  /** After a return: the step the triage suggests. */
  suggestion?: Mode;
}

export interface Desk {
  batch: Batch;
  /** The batch's events as the desk knows them; a row just committed is in `shown` first. */
  events: StoredEvent[];
  /** The last result and the rows just committed, for the parts of the screen that show them at once. */
  shown: ShownNowStore;
  setMode(mode: Mode): void;
  /** Changes the current workflow's settings. */
  setSettings(patch: Record<string, unknown>): void;
  handleScan(scan: ScanEvent): Promise<void>;
  finishBatch(): Promise<void>;
  undo(): Promise<void>;
  /** The box whose count the desk is asking for, if any. */
  accessoryPrompt: AccessoryPrompt | null;
  /** The count typed for the box: recorded; `null` drops the box. */
  answerAccessoryPrompt(count: number | null): Promise<void>;
}

/**
 * The desk's engine: the current batch, the queue of scans (processed strictly one after another,
 * so a fast scanner can never record the same device twice), feedback and sound.
 */
export function useDesk(services: Services, open: (to: Destination) => void): Desk | null {
  const { db, settings, session } = services;
  const [batch, setBatchState] = useState<Batch | null>(null);
  const [shown] = useState(() => new ShownNowStore());
  /** Events this screen committed and showed at once, before the store's live query caught up: `shown`'s, a transition later. */
  const [committed, setCommitted] = useState<StoredEvent[]>([]);
  const batchRef = useRef<Batch | null>(null);
  const keysRef = useRef<Set<string>>(new Set());
  const queue = useRef<Promise<void>>(Promise.resolve());
  const counter = useRef(0);
  /** When the employee being served last had a scan; `null` when no one is served. */
  const [servedAt, setServedAt] = useState<number | null>(null);
  const eventsRef = useRef<StoredEvent[]>([]);
  const scanMemory = useRef(new ScanMemoryKeeper());
  const [accessoryPrompt, setAccessoryPrompt] = useState<AccessoryPrompt | null>(null);
  const promptsAsked = useRef(0);

  useEffect(() => {
    void loadBatch(db).then((loaded) => {
      batchRef.current = loaded;
      setBatchState(loaded);
    });
  }, [db]);

  const stored = useLiveQuery(
    () => (batch ? batchEvents(db, settings.deskId, batch.startedAt) : Promise.resolve([])),
    [db, settings.deskId, batch?.startedAt],
  );
  // The running list is the store's — plus what this desk just committed, shown the moment the
  // transaction completes rather than a live-query round trip later.
  const events = useMemo(() => withCommitted(stored ?? [], committed, batch?.startedAt), [stored, committed, batch?.startedAt]);
  const models = useLiveQuery(() => db.models.toArray(), [db]);
  const accessories = useLiveQuery(() => db.accessories.toArray(), [db]);

  // The whole screen takes the committed rows after the parts that show them at once: not inside
  // the scan's `flushSync`, whose render is on the scan's path.
  useEffect(() => shown.subscribe(() => startTransition(() => setCommitted(shown.get().committed))), [shown]);

  useEffect(() => {
    // The rows shown at once count even before this render has them (a render ahead of the transition).
    const known = withCommitted(events, shown.get().committed, batch?.startedAt);
    if (batch) keysRef.current = batchKeys(known, batch.mode);
    eventsRef.current = known;
  }, [events, batch, shown]);

  const setBatch = useCallback(
    (next: Batch) => {
      batchRef.current = next;
      setBatchState(next);
      void saveBatch(db, next);
    },
    [db],
  );

  /** A result as the feedback panel shows it, numbered so the same text twice still flashes. */
  const feedbackOf = useCallback((tone: Tone, message: Message, suggestion?: Mode): Feedback => ({ tone, message, n: ++counter.current, ...(suggestion ? { suggestion } : {}) }), []);
  /** The result on screen; `show` with its sound. */
  const display = useCallback((tone: Tone, message: Message, suggestion?: Mode) => shown.show(feedbackOf(tone, message, suggestion)), [shown, feedbackOf]);
  const show = useCallback(
    (tone: Tone, message: Message, suggestion?: Mode) => {
      display(tone, message, suggestion);
      playTone(tone, settings.sound);
    },
    [display, settings.sound],
  );

  const ctx = useCallback((): DeskContext | null => {
    if (!session) return null;
    return { deskId: settings.deskId, operator: session.operator, location: session.location };
  }, [session, settings.deskId]);

  const setMode = useCallback(
    (mode: Mode) => {
      const current = batchRef.current;
      if (!current || current.mode === mode) return;
      keysRef.current = new Set();
      setBatch(newBatch(mode, current.settings));
      show('info', { key: 'feedback.modeChanged', params: { mode } });
    },
    [setBatch, show],
  );

  const setSettings = useCallback(
    (patch: Record<string, unknown>) => {
      const current = batchRef.current;
      if (!current || current.mode === 'lookup') return;
      const mode: WorkflowName = current.mode;
      setBatch({ ...current, settings: { ...current.settings, [mode]: { ...current.settings[mode], ...patch } } });
    },
    [setBatch],
  );

  const finishBatch = useCallback(async () => {
    const current = batchRef.current;
    if (!current) return;
    const count = keysRef.current.size;
    keysRef.current = new Set();
    const { mode, settings } = current;
    // A handout or return ends with its receipt offered, and the employee let go.
    const of = mode === 'handout' ? 'handed_out' : mode === 'return' ? 'returned' : undefined;
    const served = settings[mode as 'handout'];
    const draft = of && count > 0 ? await batchReceipt(db, eventsRef.current, of, employeeOf(served), served.requestNumber, current.startedAt) : null;
    setBatch(newBatch(mode, mode === 'lookup' ? settings : { ...settings, [mode]: settingsAfterDone(mode, settings[mode]) }));
    setServedAt(null);
    show('info', { key: 'feedback.batchDone', params: { count } });
    const next = mode === 'lookup' ? undefined : workflowOf(mode).opensAfterDone?.(settings[mode]);
    if (draft) open({ screen: 'receipt', job: { kind: 'sign', draft } });
    else if (next && count > 0) open(next);
  }, [db, setBatch, show, open]);

  /** An employee's card or badge: a new batch serving them, in the handout (or return) workflow. */
  const serve = useCallback(
    (employee: Employee, mode: 'handout' | 'return') => {
      const current = batchRef.current;
      if (!current) return;
      keysRef.current = new Set();
      setBatch(newBatch(mode, { ...current.settings, [mode]: { ...current.settings[mode], employee } }));
    },
    [setBatch],
  );

  /** After the idle minutes the employee is let go: the next person is never booked to them. */
  const release = useCallback(() => {
    const current = batchRef.current;
    setServedAt(null);
    if (!current || current.mode === 'lookup' || !employeeOf(current.settings[current.mode])) return;
    const mode: WorkflowName = current.mode;
    // The request they came with goes with them.
    const served: Record<string, unknown> = { ...current.settings[mode], employee: undefined };
    if ('requestNumber' in served) served.requestNumber = '';
    setBatch({ ...current, settings: { ...current.settings, [mode]: served } });
    show('info', { key: 'feedback.employeeReleased' });
  }, [setBatch, show]);
  useIdleRelease(servedAt, settings.employeeIdleMinutes, release);

  /** A transfer's barcode: receiving it starts, with its expected list. */
  const openTransfer = useCallback(
    (transferId: string) => {
      const current = batchRef.current;
      if (!current) return;
      keysRef.current = new Set();
      setBatch(newBatch('unpack', { ...current.settings, unpack: { transferId, unexpected: [] } }));
      show('info', { key: 'feedback.transferOpened', params: { id: transferId } });
    },
    [setBatch, show],
  );

  const undo = useCallback(async () => {
    const context = ctx();
    if (!context) return;
    // A charger scanned after the phone is the last action: the undo takes it back, not the phone.
    const current = batchRef.current;
    const accessory = current ? await latestUndoable(db, context.deskId, current.startedAt) : undefined;
    const undone = undoneIds(eventsRef.current);
    const lastDevice = eventsRef.current.find((e) => e.type !== 'corrected' && !undone.has(e.id));
    if (accessory && (!lastDevice || accessory.at >= lastDevice.at)) {
      const answer = await undoAccessory(db, context, accessory);
      return show(answer.tone, answer.message);
    }
    const result = await undoLastAction(db, context, 'KVIK:UNDO');
    if (result.ok) {
      // An undone SIM pairing or tag leaves its device in the batch.
      if (!addsNoDevice.has(result.undone.type)) keysRef.current.delete(result.event.deviceKey);
      const device = result.undone.deviceKey.replace(/^(imei|serial):/, '');
      show('warning', { key: 'feedback.undone', params: { event: result.undone.type, device } });
    } else if ('nothing' in result) show('warning', { key: 'feedback.nothingToUndo' });
    else show('error', { key: `refusals.${result.refusal.code}`, params: { status: result.refusal.status } });
  }, [ctx, db, show]);

  const process = useCallback(
    async (scan: ScanEvent) => {
      const context = ctx();
      const current = batchRef.current;
      if (!context || !current) return;
      markScan('scan-start');
      /** The result on screen — a recorded scan's row first in the list — then its sound. */
      let presented = false;
      const present = (outcome: ScanOutcome) => {
        presented = true;
        const { decision } = outcome;
        let suggestion: Mode | undefined;
        const recorded = decision.kind === 'record' && outcome.event ? { ...outcome.event, prior: outcome.prior ?? null, sync: 'pending' as const } : undefined;
        if (recorded) {
          keysRef.current.add(recorded.deviceKey);
          eventsRef.current = [recorded, ...eventsRef.current];
          if (recorded.type === 'returned') suggestion = workflowForEvent(suggestedNextStep(recorded.data.condition));
        }
        // Rendered now, not at a render scheduled for later: the feedback and the running list alone (`shown-now.ts`).
        flushSync(() => shown.show(feedbackOf(outcome.tone, outcome.message, suggestion), recorded));
        markScan('rendered');
        playTone(outcome.tone, settings.sound);
      };
      try {
        const state = {
          mode: current.mode,
          settings: current.settings,
          batchKeys: keysRef.current,
          models: models ?? [],
          memory: scanMemory.current.memory(current.startedAt),
          accessories: accessories ?? [],
        };
        const outcome = await performScan(db, context, state, readScan(scan, settings), {
          // A recorded scan is shown in its transaction's commit, ahead of the live queries and
          // the other tabs the store tells of it (`on-commit.ts`); anything else after the rest below.
          committed: (done) => {
            markScan('scan-committed');
            if (done.decision.kind === 'record') present(done);
          },
        });
        const { decision } = outcome;
        // Any other scan leaves a box whose count was not typed.
        setAccessoryPrompt(decision.kind === 'accessory' && decision.action === 'receive' ? { accessory: decision.accessory, gtin: decision.gtin, n: ++promptsAsked.current } : null);
        if (decision.kind === 'accessory') {
          const served = current.settings.handout;
          const answer =
            decision.action === 'issue'
              ? await issueAccessory(db, context, decision.accessory, { employee: served.employee, requestNumber: served.requestNumber, batchStartedAt: current.startedAt })
              : { tone: 'info' as const, message: { key: 'accessories.feedback.askCount', params: { name: decision.accessory.name } } };
          if (decision.action === 'issue') setServedAt(Date.now());
          return show(answer.tone, answer.message);
        }
        if (decision.kind === 'employee') serve(decision.employee, decision.mode);
        const serving = batchRef.current && batchRef.current.mode !== 'lookup' && employeeOf(batchRef.current.settings[batchRef.current.mode]);
        setServedAt(serving ? Date.now() : null);
        scanMemory.current.after(decision, current.startedAt);
        if (decision.kind === 'mode') return decision.mode === 'lookup' ? open({ screen: 'lookup' }) : setMode(decision.mode);
        if (decision.kind === 'command') return decision.command === 'done' ? finishBatch() : undo();
        if (decision.kind === 'transfer') return openTransfer(decision.transferId);
        if (decision.kind === 'warning' && decision.settings) setSettings(decision.settings);
        if (decision.kind === 'model' || decision.kind === 'request') setSettings(decision.settings);
        if (decision.kind === 'show') {
          open({ screen: 'lookup', device: decision.device });
        }
        if (!presented) present(outcome);
      } catch (error) {
        show('error', { key: 'feedback.storageFailed', params: { message: error instanceof Error ? error.message : String(error) } });
      }
    },
    [ctx, db, models, accessories, settings, setMode, finishBatch, openTransfer, undo, setSettings, show, shown, feedbackOf, open, serve],
  );

  const handleScan = useCallback(
    (scan: ScanEvent) => {
      const next = queue.current.then(() => process(scan));
      queue.current = next.catch(() => {});
      return next;
    },
    [process],
  );

  const answerAccessoryPrompt = useCallback(
    async (count: number | null) => {
      const prompt = accessoryPrompt;
      const context = ctx();
      setAccessoryPrompt(null);
      if (!prompt || !context || count === null) return;
      try {
        const answer = await receiveAccessory(db, context, prompt.accessory, count, prompt.gtin);
        show(answer.tone, answer.message);
      } catch (error) {
        show('error', { key: 'feedback.storageFailed', params: { message: error instanceof Error ? error.message : String(error) } });
      }
    },
    [accessoryPrompt, ctx, db, show],
  );

  if (!batch) return null;
  return { batch, events, shown, setMode, setSettings, handleScan, finishBatch, undo, accessoryPrompt, answerAccessoryPrompt };
}


/** The store's batch events with the ones just committed that it does not show yet, newest first. */
export function withCommitted(stored: StoredEvent[], committed: StoredEvent[], startedAt: string | undefined): StoredEvent[] {
  const known = new Set(stored.map((e) => e.id));
  const missing = committed.filter((e) => !known.has(e.id) && startedAt !== undefined && e.at >= startedAt);
  if (missing.length === 0) return stored;
  return [...missing, ...stored].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.id < b.id ? 1 : -1));
}

/** The employee a workflow's settings hold, if it holds one (handout and return do). */
function employeeOf(settings: object): Employee | undefined {
  return 'employee' in settings ? (settings.employee as Employee | undefined) : undefined;
}
