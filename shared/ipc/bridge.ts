import type { EventChannel, InvokeChannel, InvokeRequest } from './contract';

/**
 * The shape of the preload bridge (`window.kvikdesk`) and the channel names it lets through.
 *
 * Kept apart from `contract.ts` on purpose: this module has no runtime imports, so the sandboxed
 * preload (which cannot `require` npm packages) can bundle it without pulling zod in. The lists are
 * tied to the contract by the type checks below: a channel added to or removed from the contract
 * and not here is a compile error.
 */

export const bridgeGlobalName = 'kvikdesk';

export const invokeChannelNames = [
  'app:info',
  'scanners:list',
  'print:page',
  'print:pdf',
  'secrets:get',
  'secrets:set',
  'sync:server',
] as const satisfies readonly InvokeChannel[];

export const eventChannelNames = ['scanners:scan', 'scanners:changed'] as const satisfies readonly EventChannel[];

/** `true` only when every channel of the contract is listed (`satisfies` above catches the converse). */
type Covers<Listed, All> = [Exclude<All, Listed>] extends [never] ? true : false;
export const invokeChannelsCovered: Covers<(typeof invokeChannelNames)[number], InvokeChannel> = true;
export const eventChannelsCovered: Covers<(typeof eventChannelNames)[number], EventChannel> = true;

/**
 * What the preload exposes. Answers are `unknown` on purpose: the preload passes them through
 * unchecked, and the renderer parses them with the contract's schemas (`IpcResult` of the channel's
 * response for `invoke`, the event's schema for `on`).
 */
export interface KvikdeskBridge {
  invoke<C extends InvokeChannel>(channel: C, request: InvokeRequest<C>): Promise<unknown>;
  /** Listen to an event channel; returns the function that stops listening. */
  on(channel: EventChannel, listener: (payload: unknown) => void): () => void;
}
