import { lazy, Suspense, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Screens the desk does not need to start: each is its own chunk of the bundle, fetched from the
 * app (never from elsewhere) the first time it is shown, so a desk opens ready to scan sooner. The
 * desk, sign-in and lookup screens stay in the first chunk: scans land there.
 */
function Loading() {
  const { t } = useTranslation();
  return <p className="loading">{t('app.loading')}</p>;
}

function onDemand<Props extends object>(load: () => Promise<ComponentType<Props>>): ComponentType<Props> {
  const Screen = lazy(async () => ({ default: await load() }));
  return function OnDemand(props: Props) {
    return (
      <Suspense fallback={<Loading />}>
        <Screen {...props} />
      </Suspense>
    );
  };
}

export const RegisterScreen = onDemand(() => import('../register/RegisterScreen').then((m) => m.RegisterScreen));
export const ReportsScreen = onDemand(() => import('../reports/ReportsScreen').then((m) => m.ReportsScreen));
export const ReferenceScreen = onDemand(() => import('../reference/ReferenceScreen').then((m) => m.ReferenceScreen));
export const ConflictsScreen = onDemand(() => import('../sync/ConflictsScreen').then((m) => m.ConflictsScreen));
export const SettingsScreen = onDemand(() => import('../settings/SettingsScreen').then((m) => m.SettingsScreen));
/** The printable command card: bwip-js, the largest library of the app, comes with it. */
export const CommandCardScreen = onDemand(() => import('../desk/CommandCardScreen').then((m) => m.CommandCardScreen));
/** The packing slip prints a barcode too: bwip-js again, loaded with it. */
export const PackingSlipScreen = onDemand(() => import('../transfers/PackingSlipScreen').then((m) => m.PackingSlipScreen));
/** The camera panel and its decoder start only when a desk worker opens the camera. */
export const CameraPanel = onDemand(() => import('../camera/CameraPanel').then((m) => m.CameraPanel));
/** The warehouse's stocktake and disposal batches. */
export const WarehouseScreen = onDemand(() => import('../warehouse/WarehouseScreen').then((m) => m.WarehouseScreen));
/** Labels and employee cards: bwip-js again, so they load with it. */
export const LabelsScreen = onDemand(() => import('../labels/LabelsScreen').then((m) => m.LabelsScreen));
/** A receipt to sign (signature_pad comes with it) or to print again. */
export const ReceiptScreen = onDemand(() => import('../receipts/ReceiptScreen').then((m) => m.ReceiptScreen));
