import { useTranslation } from 'react-i18next';
import type { ScanInput } from '../app/use-scan-input';
import '../reports/reports.css';
import { DisposalTab } from './disposal/DisposalTab';
import { StocktakeTab } from './stocktake/StocktakeTab';
import type { ScanClaim } from './use-flow-scans';
import './warehouse.css';

export const warehouseTabs = ['count', 'disposal'] as const;
export type WarehouseTab = (typeof warehouseTabs)[number];

/** Where the warehouse screen opens: a tab, and for disposal a batch (from a device's history). */
export interface WarehouseView {
  tab: WarehouseTab;
  batchId?: string;
}

export interface WarehouseScreenProps {
  view: WarehouseView;
  onView(view: WarehouseView): void;
  scanInput: ScanInput;
  /** The flow on screen takes the scans while it is counting or filling a batch. */
  claimScans(claim: ScanClaim | null): void;
}

/** Lager: the warehouse's own flows — stocktake (optælling) and disposal batches (bortskaffelse). */
export function WarehouseScreen({ view, onView, scanInput, claimScans }: WarehouseScreenProps) {
  const { t } = useTranslation();
  return (
    <div className="warehouse">
      <div className="report-tabs no-print" role="tablist" aria-label={t('app.nav.warehouse')}>
        {warehouseTabs.map((id) => (
          <button key={id} type="button" role="tab" aria-selected={id === view.tab} className={id === view.tab ? 'tab active' : 'tab'} onClick={() => onView({ tab: id })}>
            {t(`warehouse.tabs.${id}`)}
          </button>
        ))}
      </div>
      {view.tab === 'count' ? (
        <StocktakeTab scanInput={scanInput} claimScans={claimScans} />
      ) : (
        <DisposalTab key={view.batchId ?? ''} batchId={view.batchId} scanInput={scanInput} claimScans={claimScans} />
      )}
    </div>
  );
}
