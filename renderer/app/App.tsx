import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Device } from '../../shared/domain/device';
import type { DeviceFilter } from '../../shared/register/device-filter';
import type { ScanEvent } from '../../shared/scan/scan-event';
import { useDesk } from '../desk/use-desk';
import type { Platform } from '../platform/platform';
import { DeskScreen } from '../desk/DeskScreen';
import { LookupScreen } from '../lookup/LookupScreen';
import { SignInScreen } from '../sign-in/SignInScreen';
import type { KvikDb } from '../store/db';
import { SyncContext } from '../sync/sync-context';
import { useSyncController } from '../sync/use-sync-controller';
import { saveSession, saveSettings, type DeskSettings, type Session } from '../store/settings';
import type { LabelContent } from '../labels/label-content';
import { PrintLabelsContext } from '../labels/print-labels';
import { OpenReceiptContext, type ReceiptJob } from '../receipts/open-receipt';
import { filterFromHash } from '../register/register-link';
import { CommandCardScreen, ConflictsScreen, LabelsScreen, ReceiptScreen, ReferenceScreen, RegisterScreen, ReportsScreen, SettingsScreen } from './on-demand';
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
  const [screen, setScreen] = useState<Screen>(() => (filterFromHash(window.location.hash) ? 'register' : 'desk'));
  /** The register's filter as an address named it (`#/enheder?f=…`): a report's figure, the lookup, the desk. */
  const [register, setRegister] = useState<{ filter: DeviceFilter; n: number }>(() => ({ filter: filterFromHash(window.location.hash) ?? {}, n: 0 }));
  /** What the lookup screen shows: a scanned text to search for, or a device the desk found. */
  const [lookup, setLookup] = useState<{ query: string; n: number }>({ query: '', n: 0 });
  /** The labels screen's labels and the screen it returns to. */
  const [labelJob, setLabelJob] = useState<{ labels: LabelContent[]; from: Screen }>({ labels: [], from: 'desk' });
  /** The receipt screen's receipt (to sign, or to print again) and the screen it returns to. */
  const [receiptJob, setReceiptJob] = useState<{ job: ReceiptJob; from: Screen; n: number } | null>(null);

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

  // A link to `#/enheder?f=…` anywhere in the app opens the register on that filter.
  useEffect(() => {
    const follow = () => {
      const filter = filterFromHash(window.location.hash);
      if (!filter) return;
      setRegister((r) => ({ filter, n: r.n + 1 }));
      setScreen('register');
    };
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  const navigate = useCallback((next: Screen) => {
    // Leaving the register leaves its address too, so a reload opens where the person is.
    if (next !== 'register' && window.location.hash) window.history.replaceState(null, '', window.location.pathname + window.location.search);
    setScreen(next);
  }, []);

  const openLookup = useCallback((device?: Device) => {
    setScreen('lookup');
    if (device) setLookup((l) => ({ query: device.imei ?? device.serial ?? device.key, n: l.n + 1 }));
  }, []);
  const printLabels = useCallback(
    (labels: LabelContent[]) => {
      setLabelJob({ labels, from: screen });
      setScreen('labels');
    },
    [screen],
  );
  const openReceipt = useCallback(
    (job: ReceiptJob) => {
      setReceiptJob((current) => ({ job, from: screen === 'receipt' ? (current?.from ?? 'desk') : screen, n: (current?.n ?? 0) + 1 }));
      setScreen('receipt');
    },
    [screen],
  );
  const desk = useDesk(services, openLookup);
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
      if (screen === 'lookup' && !/^kvik:/i.test(scan.raw.trim())) {
        setLookup((l) => ({ query: scan.raw.trim(), n: l.n + 1 }));
        return;
      }
      setScreen('desk');
      void desk.handleScan(scan);
    },
    [screen, session, desk],
  );
  const scanInput = useScanInput(platform, onScan, settings);

  return (
    <ServicesContext.Provider value={services}>
      <SyncContext.Provider value={sync}>
        <PrintLabelsContext.Provider value={printLabels}>
        <OpenReceiptContext.Provider value={openReceipt}>
        <div className="app">
          <TopBar screen={screen} onNavigate={navigate} />
          <main className="content">
            {!session ? (
              <SignInScreen />
            ) : !desk ? (
              <p>{i18n.t('app.loading')}</p>
            ) : screen === 'desk' ? (
              <DeskScreen desk={desk} scanInput={scanInput} />
            ) : screen === 'lookup' ? (
              // A new scan remounts the screen with it as the search.
              <LookupScreen key={lookup.n} initialQuery={lookup.query} />
            ) : screen === 'register' ? (
              <RegisterScreen key={register.n} initialFilter={register.filter} />
            ) : screen === 'reference' ? (
              <ReferenceScreen />
            ) : screen === 'reports' ? (
              <ReportsScreen />
            ) : screen === 'conflicts' ? (
              <ConflictsScreen />
            ) : screen === 'receipt' && receiptJob ? (
              <ReceiptScreen key={receiptJob.n} job={receiptJob.job} onClose={() => setScreen(receiptJob.from)} />
            ) : screen === 'labels' ? (
              <LabelsScreen labels={labelJob.labels} onBack={() => setScreen(labelJob.from)} />
            ) : screen === 'cards' ? (
              <CommandCardScreen />
            ) : (
              <SettingsScreen onOpenCards={() => navigate('cards')} />
            )}
          </main>
          <StatusBar />
        </div>
        </OpenReceiptContext.Provider>
        </PrintLabelsContext.Provider>
      </SyncContext.Provider>
    </ServicesContext.Provider>
  );
}
