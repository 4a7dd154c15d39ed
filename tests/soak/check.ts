import { devicesResponseSchema, pullResponseSchema, type PulledEvent } from '../../shared/sync/protocol';
import { readSyncState } from '../../renderer/sync/sync-state';
import { normalize, shownDevices } from '../support/sync-desk';
import type { SoakDesk } from './soak-desk';

/** What the soak has found so far; every field but the counts of the log must stay 0. */
export interface Audit {
  lost: number;
  doubled: number;
  desksUnequal: number;
  /** The server's head: events in its log. */
  logEvents: number;
  conflicts: number;
  devices: number;
  /** Checked up to this seq. */
  checkedSeq: number;
  /** Actions recorded by the desks and found on the server, over all epochs. */
  recordedTotal: number;
}

const seenIds = new Set<string>();

async function get(url: string, token: string): Promise<unknown> {
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (res.status !== 200) throw new Error(`GET ${url}: ${res.status} ${await res.text()}`);
  return res.json();
}

/**
 * After an epoch, with every desk synced: the log since the last check holds every action the
 * desks recorded exactly once and nothing else of theirs, and every desk shows, and has
 * confirmed, exactly the server's devices, with its own events settled as the server holds them.
 */
export async function checkEpoch(input: { url: string; token: string; desks: SoakDesk[]; deskIds: string[]; audit: Audit }): Promise<void> {
  const { url, token, desks, audit } = input;
  const fresh: PulledEvent[] = [];
  for (let after = audit.checkedSeq; ; ) {
    const page = pullResponseSchema.parse(await get(`${url}/v1/pull?after=${after}&limit=1000`, token));
    fresh.push(...page.events);
    after = page.last;
    if (!page.more) break;
  }
  const byId = new Map<string, PulledEvent>();
  for (const pulled of fresh) {
    const id = pulled.event.id.toLowerCase();
    if (seenIds.has(id) || byId.has(id)) audit.doubled += 1;
    byId.set(id, pulled);
    seenIds.add(id);
    if (pulled.status === 'conflict') audit.conflicts += 1;
  }
  const recorded = desks.flatMap((desk) => desk.recorded.map((id) => id.toLowerCase()));
  const found = recorded.filter((id) => byId.has(id)).length;
  audit.lost += recorded.length - found;
  audit.recordedTotal += found;
  // Events of the soak's desks nobody recorded would be doubles under another id.
  const ofDesks = fresh.filter((pulled) => input.deskIds.includes(pulled.event.deskId)).length;
  if (ofDesks > recorded.length) audit.doubled += ofDesks - recorded.length;
  const head = fresh.at(-1)?.seq ?? audit.checkedSeq;
  audit.checkedSeq = head;
  audit.logEvents = head;

  const snapshot = new Map<string, string>();
  const snapshotSeq = new Map<string, number>();
  for (let after: string | null = null; ; ) {
    const page = devicesResponseSchema.parse(await get(`${url}/v1/devices?limit=5000${after === null ? '' : `&after=${encodeURIComponent(after)}`}`, token));
    for (const { seq, device } of page.devices) {
      snapshot.set(device.key, canonical(device));
      snapshotSeq.set(device.key, seq);
    }
    if (page.next === null) break;
    after = page.next;
  }
  audit.devices = snapshot.size;

  for (const desk of desks) {
    const problems: string[] = [];
    if ((await desk.db.outbox.count()) > 0) problems.push('its outbox is not empty');
    const state = await readSyncState(desk.db);
    if (state.cursor !== head) problems.push(`its cursor is ${state.cursor}, the head ${head}`);
    const shown = await shownDevices(desk.db);
    if (shown.length !== snapshot.size) problems.push(`it shows ${shown.length} devices, the server has ${snapshot.size}`);
    const differing = shown.find((device) => snapshot.get(device.key) !== canonical(device));
    if (differing) problems.push(`it shows ${differing.key} otherwise than the server: ${canonical(differing)} against ${snapshot.get(differing.key)}`);
    const confirmed = (await desk.db.confirmed.toArray()).filter((row) => row.device !== null);
    const wrong = confirmed.find((row) => snapshotSeq.get(row.key) !== row.seq || snapshot.get(row.key) !== canonical(row.device));
    if (confirmed.length !== snapshot.size || wrong) problems.push(`its confirmed state differs (${wrong?.key ?? `${confirmed.length} devices`})`);
    const own = await desk.db.events.bulkGet(desk.recorded);
    const unsettled = own.find((event) => {
      const onServer = byId.get(event?.id.toLowerCase() ?? '');
      return !event || !onServer || event.sync !== onServer.status || event.seq !== onServer.seq;
    });
    if (unsettled) problems.push(`its event ${unsettled.id} is not settled as the server holds it`);
    if (problems.length > 0) {
      audit.desksUnequal += 1;
      console.error(`${desk.id}: ${problems.join('; ')}`);
    }
  }
}

/** JSON with keys sorted at every level and no `undefined`: equal for equal devices, whatever their key order. */
function canonical(value: unknown): string {
  return JSON.stringify(normalize(value), (_key, inner: unknown) =>
    typeof inner === 'object' && inner !== null && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}
