import type { AppInfo } from '../../shared/ipc/contract';
import type { InvokeHandlers } from './ipc';

export interface AppIdentity {
  getName(): string;
  getVersion(): string;
}

/** What the app is and where it runs, for the about box and support requests. */
export function appInfo(app: AppIdentity, platform: string, versions: Readonly<Record<string, string | undefined>>): AppInfo {
  const electron = versions['electron'];
  return { name: app.getName(), version: app.getVersion(), platform, ...(electron ? { electron } : {}) };
}

export function appInfoHandlers(
  app: AppIdentity,
  platform: string,
  versions: Readonly<Record<string, string | undefined>>,
): Pick<InvokeHandlers<unknown>, 'app:info'> {
  return { 'app:info': () => appInfo(app, platform, versions) };
}
