import { createContext, useContext } from 'react';
import type { Platform } from '../platform/platform';
import type { KvikDb } from '../store/db';
import type { DeskSettings, Session } from '../store/settings';

/** What every screen needs: the local store, the platform, the desk's settings and who is signed in. */
export interface Services {
  db: KvikDb;
  platform: Platform;
  settings: DeskSettings;
  updateSettings(settings: DeskSettings): Promise<void>;
  session: Session | null;
  signIn(session: Session): Promise<void>;
  signOut(): Promise<void>;
}

export const ServicesContext = createContext<Services | null>(null);

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices outside <ServicesContext>');
  return services;
}
