import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Device } from '../../shared/domain/device';
import type { ParsedScan } from '../../shared/scan/parse';
import type { ScanEvent } from '../../shared/scan/scan-event';
import { readScan } from '../desk/read-scan';
import { useDesk } from '../desk/use-desk';
import type { Platform } from '../platform/platform';
import { DeskScreen } from '../desk/DeskScreen';
import { LookupScreen } from '../lookup/LookupScreen';
import { SignInScreen } from '../sign-in/SignInScreen';
import type { KvikDb } from '../store/db';
import { SyncContext } from '../sync/sync-context';
import { useSyncController } from '../sync/use-sync-controller';
import { saveSession, saveSettings, type DeskSettings, type Session } from '../store/settings';
import { CommandCardScreen, ConflictsScreen, PackingSlipScreen, ReferenceScreen, ReportsScreen, SettingsScreen } from './on-demand';
import { NavigationContext, type Navigation } from './navigation';
import type { DeskDestination } from '../desk/workflows/workflow';
import { ServicesContext, type Services } from './services';
import { StatusBar } from './StatusBar';
import { TopBar, type Screen } from './TopBar';
import { useScanInput } from './use-scan-input';

interface Props {
  db: KvikDb;
  platform: Platform;
  initialSettings: DeskSettings;
  initialSession: Session | null;
}

export function App({ db, platform, initialSettings, initialSession }: Props) {
  const { i18n } = useTranslation();
  const [settings, setSettings] = useState(initialSettings);
  const [session, setSession] = useState(initialSession);
  const [screen, setScreen] = useState<Screen>('desk');
  /** What the lookup screen shows: a scan to search for, or a device the desk found. */
  const [lookup, setLookup] = useState<{ scan: ParsedScan | null; n: number }>({ scan: null, n: 0 });

  const services = useMemo<Services>(
    () => ({
      db,
      platform,
      settings,
      session,
      async updateSettings(next) {
        await saveSettings(db, next);
        if (next.language !== i18n.language) await i18n.changeLanguage(next.language);
        setSettings(next);
      },
      async signIn(next) {
        await saveSession(db, next);
        setSession(next);
      },
      async signOut() {
        await saveSession(db, null);
        setSession(null);
      },
    }),
    [db, platform, settings, session, i18n],
  );

  const { assetTagPattern } = settings;
  const openLookup = useCallback(
    (device?: Device) => {
      setScreen('lookup');
      if (device) setLookup((l) => ({ scan: readScan({ raw: device.imei ?? device.serial ?? device.key }, { assetTagPattern }), n: l.n + 1 }));
    },
    [assetTagPattern],
  );
  const [transferId, setTransferId] = useState('');
  const open = useCallback((to: DeskDestination) => {
    setTransferId(to.transferId);
    setScreen(to.screen);
  }, []);
  const navigation = useMemo<Navigation>(() => ({ openTransfer: (id) => open({ screen: 'transfer', transferId: id }) }), [open]);
  const desk = useDesk(services, openLookup, open);
  const sync = useSyncController(db, platform);

  // Every scan, from any scanner, lands here: the lookup screen takes it while open; anywhere else
  // it goes to the desk's current workflow and brings the desk to the front.
  // Scans that come while the desk is still loading its batch (a second after start on a big
  // store) wait for it rather than vanish.
  const early = useRef<ScanEvent[]>([]);
  useEffect(() => {
    if (!desk || early.current.length === 0) return;
    const waiting = early.current;
    early.current = [];
    for (const scan of waiting) void desk.handleScan(scan);
  }, [desk]);

  const onScan = useCallback(
    (scan: ScanEvent) => {
      if (!session) return;
      if (!desk) {
        early.current.push(scan);
        return;
      }
      // Read as the desk reads it: a command card still drives the desk from the lookup screen.
      const read = screen === 'lookup' ? readScan(scan, { assetTagPattern }) : null;
      if (read && read.kind !== 'command') {
        setLookup((l) => ({ scan: read, n: l.n + 1 }));
        return;
      }
      setScreen('desk');
      void desk.handleScan(scan);
    },
    [screen, session, desk, assetTagPattern],
  );
  const scanInput = useScanInput(platform, onScan, settings);

  return (
    <ServicesContext.Provider value={services}>
      <SyncContext.Provider value={sync}>
        <NavigationContext.Provider value={navigation}>
        <div className="app">
          <TopBar screen={screen} onNavigate={setScreen} />
          <main className="content">
            {!session ? (
              <SignInScreen />
            ) : !desk ? (
              <p>{i18n.t('app.loading')}</p>
            ) : screen === 'desk' ? (
              <DeskScreen desk={desk} scanInput={scanInput} />
            ) : screen === 'lookup' ? (
              // A new scan remounts the screen with it as the search.
              <LookupScreen key={lookup.n} initialScan={lookup.scan} />
            ) : screen === 'reference' ? (
              <ReferenceScreen />
            ) : screen === 'reports' ? (
              <ReportsScreen />
            ) : screen === 'conflicts' ? (
              <ConflictsScreen />
            ) : screen === 'transfer' ? (
              <PackingSlipScreen transferId={transferId} onBack={() => setScreen('desk')} />
            ) : screen === 'cards' ? (
              <CommandCardScreen />
            ) : (
              <SettingsScreen onOpenCards={() => setScreen('cards')} />
            )}
          </main>
          <StatusBar />
        </div>
        </NavigationContext.Provider>
      </SyncContext.Provider>
    </ServicesContext.Provider>
  );
}
