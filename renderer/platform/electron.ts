import { z } from 'zod';
import type { KvikdeskBridge } from '../../shared/ipc/bridge';
import {
  eventChannels,
  invokeChannels,
  type EventChannel,
  type EventPayload,
  type InvokeChannel,
  type InvokeRequest,
  type InvokeResponse,
} from '../../shared/ipc/contract';
import type { Platform } from './platform';

/**
 * `Platform` over the preload bridge. Every answer and event from the main process is parsed with
 * the contract's schemas before the UI sees it: the bridge's types are a promise, this is the check.
 */

/** A call the main process answered with `{ ok: false }`, or with something outside the contract. */
export class PlatformCallError extends Error {
  constructor(
    readonly channel: InvokeChannel | EventChannel,
    message: string,
  ) {
    super(`${channel}: ${message}`);
    this.name = 'PlatformCallError';
  }
}

const failureSchema = z.object({ ok: z.literal(false), error: z.string() });
const okEnvelopeSchema = z.object({ ok: z.literal(true), value: z.unknown() });

export interface ElectronPlatformOptions {
  /** Where events that break the contract are reported (they are dropped, never shown half-valid). */
  onInvalidEvent?: (error: PlatformCallError) => void;
}

/** The value of an `{ ok: true, value }` answer; a `{ ok: false, error }` one becomes the error. */
function unwrapAnswer(channel: InvokeChannel, answer: unknown): unknown {
  const failure = failureSchema.safeParse(answer);
  if (failure.success) throw new PlatformCallError(channel, failure.data.error);
  const envelope = okEnvelopeSchema.safeParse(answer);
  if (!envelope.success) throw new PlatformCallError(channel, 'the answer is neither { ok: true, value } nor { ok: false, error }');
  return envelope.data.value;
}

/*
 * The two parsers below are generic over the object holding the schema, not over the channel name:
 * TypeScript widens `invokeChannels[channel].response` to the union of every channel's schema, but
 * keeps `invokeChannels[channel]` tied to its channel, so the parsed value keeps its exact type.
 */

function parseResponse<S extends { response: z.ZodType }>(channel: InvokeChannel, entry: S, value: unknown): z.output<S['response']> {
  const parsed = z.safeParse<S['response']>(entry.response, value);
  if (!parsed.success) throw new PlatformCallError(channel, `answer outside the contract: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

function parseEvent<S extends { schema: z.ZodType }>(channel: EventChannel, holder: S, payload: unknown): z.output<S['schema']> {
  const parsed = z.safeParse<S['schema']>(holder.schema, payload);
  if (!parsed.success) throw new PlatformCallError(channel, `event outside the contract: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

export function createElectronPlatform(bridge: KvikdeskBridge, options: ElectronPlatformOptions = {}): Platform {
  const onInvalidEvent = options.onInvalidEvent ?? ((error: PlatformCallError) => console.error(error));

  const call = async <C extends InvokeChannel>(channel: C, request: InvokeRequest<C>): Promise<InvokeResponse<C>> => {
    const answer = await bridge.invoke(channel, request);
    return parseResponse(channel, invokeChannels[channel], unwrapAnswer(channel, answer));
  };

  const listen = <C extends EventChannel>(channel: C, listener: (payload: EventPayload<C>) => void): (() => void) =>
    bridge.on(channel, (payload) => {
      let parsed: EventPayload<C>;
      try {
        parsed = parseEvent(channel, { schema: eventChannels[channel] }, payload);
      } catch (error) {
        if (error instanceof PlatformCallError) return onInvalidEvent(error);
        throw error;
      }
      listener(parsed);
    });

  return {
    capabilities: { hidScanners: true },
    appInfo: () => call('app:info', undefined),
    onScan: (listener) => listen('scanners:scan', listener),
    listScanners: () => call('scanners:list', undefined),
    onScannersChanged: (listener) => listen('scanners:changed', listener),
    print: () => call('print:page', { silent: false }),
    savePdf: (fileName) => call('print:pdf', { fileName }),
    getSecret: (name) => call('secrets:get', name),
    setSecret: (name, value) => call('secrets:set', { name, value }),
    allowSyncServer: (url) => call('sync:server', { url }),
  };
}
