import { pushResponseSchema, syncPaths, type PushResult } from '../../../shared/sync/protocol';

/** A push over real HTTP, as a desk does it; the answer parsed with the protocol's schema. */
export async function httpPush(baseUrl: string, token: string, events: readonly unknown[]): Promise<PushResult[]> {
  const res = await fetch(`${baseUrl}${syncPaths.push}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ events }),
  });
  if (res.status !== 200) throw new Error(`push: ${res.status} ${await res.text()}`);
  return pushResponseSchema.parse(await res.json()).results;
}

export async function httpGet(baseUrl: string, token: string, path: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, body: await res.json() };
}
