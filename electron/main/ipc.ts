import { z } from 'zod';
import { invokeChannelNames } from '../../shared/ipc/bridge';
import { invokeChannels, type InvokeChannel, type InvokeResponse, type IpcResult } from '../../shared/ipc/contract';
import { isAppUrl } from './app-url';

/**
 * The one place IPC handlers are registered. For every channel of the contract it checks who is
 * asking, parses the request with the contract's schema, runs the area's handler and checks its
 * answer against the contract too. It always answers `{ ok, value } | { ok, error }`: an exception
 * thrown across the bridge would reach the renderer as an opaque, unlocalisable string.
 */

/** The parts of Electron's `IpcMainInvokeEvent` the sender check reads. */
export interface InvokeEvent {
  sender: { id: number };
  senderFrame: { url: string; parent: unknown } | null;
}

export interface IpcMainLike<E> {
  handle(channel: string, listener: (event: E, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

export type InvokeRequestParsed<C extends InvokeChannel> = z.output<(typeof invokeChannels)[C]['request']>;
export type InvokeHandler<C extends InvokeChannel, E> = (
  request: InvokeRequestParsed<C>,
  event: E,
) => InvokeResponse<C> | Promise<InvokeResponse<C>>;
/** One handler per channel: leaving one out, or adding one the contract lacks, does not compile. */
export type InvokeHandlers<E> = { [C in InvokeChannel]: InvokeHandler<C, E> };

export interface SenderPolicy {
  /** The renderer's base URL (`kvikdesk://app/`, or the dev server). */
  appBase: string;
  /** Whether this webContents is one of the app's own windows. */
  isOwnWebContents(id: number): boolean;
}

/** Why a sender is refused, or `null` when it is the app's own top-level page. */
export function senderRefusal(event: InvokeEvent, policy: SenderPolicy): string | null {
  if (!policy.isOwnWebContents(event.sender.id)) return 'not a Kvikdesk window';
  const frame = event.senderFrame;
  if (frame === null) return 'the sending frame is gone';
  // Only the top frame: the app has no iframes, so a subframe asking is someone else's content.
  if (frame.parent !== null) return 'a subframe';
  if (!isAppUrl(frame.url, policy.appBase)) return `a page outside the app (${safeUrlForLog(frame.url)})`;
  return null;
}

export interface IpcLogger {
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

/** A contract entry: what one channel takes and answers. */
interface ChannelSchemas {
  request: z.ZodType;
  response: z.ZodType;
}

/**
 * One call on one channel. Generic over the channel's schemas (not its name) so the parsed request
 * and the checked answer keep their exact types through `z.safeParse`.
 */
async function handleInvoke<S extends ChannelSchemas, E extends InvokeEvent>(
  channel: string,
  schemas: S,
  handler: (request: z.output<S['request']>, event: E) => z.output<S['response']> | Promise<z.output<S['response']>>,
  event: E,
  args: readonly unknown[],
  policy: SenderPolicy,
  log: IpcLogger,
): Promise<IpcResult<z.output<S['response']>>> {
  const refusal = senderRefusal(event, policy);
  if (refusal !== null) {
    log.warn(`ipc: refused ${channel} from ${refusal}`);
    return { ok: false, error: `refused: the sender is ${refusal}` };
  }
  if (args.length > 1) return { ok: false, error: `bad request for ${channel}: expected one argument, got ${args.length}` };
  const request = z.safeParse<S['request']>(schemas.request, args[0]);
  if (!request.success) return { ok: false, error: `bad request for ${channel}: ${z.prettifyError(request.error)}` };
  let value: unknown;
  try {
    value = await handler(request.data, event);
  } catch (error) {
    log.error(`ipc: ${channel} failed`, error);
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  const response = z.safeParse<S['response']>(schemas.response, value);
  if (!response.success) {
    log.error(`ipc: ${channel} answered outside the contract: ${z.prettifyError(response.error)}`);
    return { ok: false, error: `internal error: ${channel} gave an answer outside the contract` };
  }
  return { ok: true, value: response.data };
}

/** Registers every channel of the contract; returns a function that removes them again. */
export function registerInvokeHandlers<E extends InvokeEvent>(
  ipcMain: IpcMainLike<E>,
  handlers: InvokeHandlers<E>,
  policy: SenderPolicy,
  log: IpcLogger = console,
): () => void {
  const register = <C extends InvokeChannel>(channel: C): void => {
    const handler: InvokeHandler<C, E> = handlers[channel];
    const schemas = invokeChannels[channel];
    ipcMain.handle(channel, (event, ...args) => handleInvoke(channel, schemas, handler, event, args, policy, log));
  };
  for (const channel of invokeChannelNames) register(channel);
  return () => {
    for (const channel of invokeChannelNames) ipcMain.removeHandler(channel);
  };
}

/** A URL without its query and fragment, which could carry tokens, for the log. */
function safeUrlForLog(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  } catch {
    return '(unparseable URL)';
  }
}
