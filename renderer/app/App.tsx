import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceFilter } from '../../shared/register/device-filter';
import type { ParsedScan } from '../../shared/scan/parse';
import type { ScanEvent } from '../../shared/scan/scan-event';
import { readScan, scanFieldValue } from '../desk/read-scan';
import { playTone } from '../feedback/sounds';
import { focusedScanField, setFieldValue } from '../scanner/scan-field';
import { useDesk } from '../desk/use-desk';
import type { Platform } from '../platform/platform';
import { DeskScreen } from '../desk/DeskScreen';
import { LookupScreen } from '../lookup/LookupScreen';
import { SignInScreen } from '../sign-in/SignInScreen';
import type { KvikDb } from '../store/db';
import { SyncContext } from '../sync/sync-context';
import { useSyncController } from '../sync/use-sync-controller';
import { saveSession, saveSettings, type DeskSettings, type Session } from '../store/settings';
import { NavigationContext, type Destination } from './navigation';
import type { LabelContent } from '../labels/label-content';
import type { ReceiptJob } from '../receipts/receipt-job';
import { filterFromHash } from '../register/register-link';
import type { ScanClaim } from '../warehouse/use-flow-scans';
import type { WarehouseView } from '../warehouse/WarehouseScreen';
import { CommandCardScreen, ConflictsScreen, LabelsScreen, PackingSlipScreen, ReceiptScreen, ReferenceScreen, RegisterScreen, ReportsScreen, SettingsScreen, WarehouseScreen } from './on-demand';
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
  /** What the lookup screen shows: a scan to search for, or a device the desk found. */
  const [lookup, setLookup] = useState<{ scan: ParsedScan | null; n: number }>({ scan: null, n: 0 });
  const [warehouseView, setWarehouseView] = useState<WarehouseView>({ tab: 'count' });
  /** The warehouse flow on screen that takes scans (a count, a disposal batch), if any. */
  const warehouseClaim = useRef<ScanClaim | null>(null);
  const claimScans = useCallback((claim: ScanClaim | null) => {
    warehouseClaim.current = claim;
  }, []);
  const openBatch = useCallback((batchId: string) => {
    setWarehouseView({ tab: 'disposal', batchId });
    setScreen('warehouse');
  }, []);
  /** The labels screen's labels and the screen it returns to. */
  const [labelJob, setLabelJob] = useState<{ labels: LabelContent[]; from: Screen }>({ labels: [], from: 'desk' });
  /** The receipt screen's receipt (to sign, or to print again) and the screen it returns to. */
  const [receiptJob, setReceiptJob] = useState<{ job: ReceiptJob; from: Screen; n: number } | null>(null);

  /**
   * A scan at the sign-in screen: an operator's badge. Counted from the sign-out, so a badge
   * scanned while the sign-in screen is still loading its operators is read once it is there.
   */
  const [badgeScan, setBadgeScan] = useState<{ text: string; n: number }>({ text: '', n: 0 });
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
        setBadgeScan({ text: '', n: 0 });
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

  const { assetTagPattern, badgePattern, sound } = settings;
  const [transferId, setTransferId] = useState('');
  /** Opens a screen for any feature (`navigation.ts`): the lookup on a device, a receipt, labels, a packing slip. */
  const open = useCallback(
    (to: Destination) => {
      switch (to.screen) {
        case 'lookup': {
          const { device } = to;
          if (device) setLookup((l) => ({ scan: readScan({ raw: device.imei ?? device.serial ?? device.key }, { assetTagPattern, badgePattern }), n: l.n + 1 }));
          break;
        }
        case 'receipt':
          setReceiptJob((current) => ({ job: to.job, from: screen === 'receipt' ? (current?.from ?? 'desk') : screen, n: (current?.n ?? 0) + 1 }));
          break;
        case 'labels':
          setLabelJob({ labels: to.labels, from: screen });
          break;
        case 'transfer':
          setTransferId(to.transferId);
          break;
      }
      setScreen(to.screen);
    },
    [screen, assetTagPattern, badgePattern],
  );
  const desk = useDesk(services, open);
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
      if (!session) {
        setBadgeScan((b) => ({ text: scan.raw, n: b.n + 1 }));
        return;
      }
      // A focused form field that takes scans (a new model's GTIN) gets the scan; the desk does not.
      const field = focusedScanField(document);
      if (field) {
        setFieldValue(field.element, scanFieldValue(field.takes, scan, { assetTagPattern, badgePattern }));
        playTone('good', sound);
        return;
      }
      if (!desk) {
        early.current.push(scan);
        return;
      }
      if (screen === 'warehouse' && warehouseClaim.current?.(scan)) return;
      // Read as the desk reads it: a command card still drives the desk from the lookup screen.
      const read = screen === 'lookup' ? readScan(scan, { assetTagPattern, badgePattern }) : null;
      if (read && read.kind !== 'command') {
        setLookup((l) => ({ scan: read, n: l.n + 1 }));
        return;
      }
      navigate('desk');
      void desk.handleScan(scan);
    },
    [screen, session, desk, assetTagPattern, badgePattern, sound, navigate],
  );
  const scanInput = useScanInput(platform, onScan, settings);

  return (
    <ServicesContext.Provider value={services}>
      <SyncContext.Provider value={sync}>
        <NavigationContext.Provider value={open}>
        <div className="app">
          <TopBar screen={screen} onNavigate={navigate} />
          <main className="content">
            {!session ? (
              <SignInScreen badgeScan={badgeScan} />
            ) : !desk ? (
              <p>{i18n.t('app.loading')}</p>
            ) : screen === 'desk' ? (
              <DeskScreen desk={desk} scanInput={scanInput} />
            ) : screen === 'lookup' ? (
              // A new scan remounts the screen with it as the search.
              <LookupScreen key={lookup.n} initialScan={lookup.scan} onOpenBatch={openBatch} />
            ) : screen === 'register' ? (
              <RegisterScreen key={register.n} initialFilter={register.filter} />
            ) : screen === 'warehouse' ? (
              <WarehouseScreen view={warehouseView} onView={setWarehouseView} scanInput={scanInput} claimScans={claimScans} />
            ) : screen === 'reference' ? (
              <ReferenceScreen />
            ) : screen === 'reports' ? (
              <ReportsScreen />
            ) : screen === 'conflicts' ? (
              <ConflictsScreen />
            ) : screen === 'transfer' ? (
              <PackingSlipScreen transferId={transferId} onBack={() => setScreen('desk')} />
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
        </NavigationContext.Provider>
      </SyncContext.Provider>
    </ServicesContext.Provider>
  );
}
