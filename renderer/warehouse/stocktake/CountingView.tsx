import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScanEvent } from '../../../shared/scan/scan-event';
import { summarizeCount, type CountScan, type Stocktake } from '../../../shared/warehouse/stocktake';
import { useNewestFeedback } from '../../app/use-newest-feedback';
import type { ScanInput } from '../../app/use-scan-input';
import { FeedbackPanel } from '../../desk/FeedbackPanel';
import { ManualEntry } from '../../desk/ManualEntry';
import type { ScanClaim } from '../use-flow-scans';
import { CloseCountForm } from './CloseCountForm';
import { useCount } from './use-count';

interface Props {
  count: Stocktake;
  placeName(id: string): string;
  scanInput: ScanInput;
  claimScans(claim: ScanClaim | null): void;
  onClosed(count: Stocktake): void;
  onLeave(): void;
}

/** How many of the latest scans the screen lists; the count keeps every one. */
const RECENT = 12;

/**
 * Counting a location: shelf after shelf, every scan green, amber or red with its sound, and the
 * big counter of found / expected. Then the close, with its summary and choices.
 */
export function CountingView({ count, placeName, scanInput, claimScans, onClosed, onLeave }: Props) {
  const { t } = useTranslation();
  const { scans, found, feedback, claim } = useCount(count, placeName);
  const [closing, setClosing] = useState(false);
  const shown = useNewestFeedback(feedback, scanInput.scanAgain);

  // Scans come here while the count is on screen and not being closed.
  useEffect(() => {
    claimScans(closing || !scans ? null : claim);
    return () => claimScans(null);
  }, [claim, claimScans, closing, scans]);
  const typed = useCallback((raw: string) => void claim({ raw, source: 'manual', at: Date.now() } satisfies ScanEvent), [claim]);

  if (!scans) return <p>{t('app.loading')}</p>;
  const expected = count.expected.length;
  return (
    <div className="counting" data-count={count.id}>
      <header className="flow-head">
        <h1>
          {t('warehouse.count.title', { location: placeName(count.location) })}
          {count.kind && ` · ${t(`kinds.${count.kind}`)}`}
        </h1>
        <span className="mono">{count.id}</span>
      </header>
      {closing ? (
        <CloseCountForm count={count} summary={summarizeCount(count, scans)} placeName={placeName} onCancel={() => setClosing(false)} onClosed={onClosed} />
      ) : (
        <div className="desk-grid">
          <section className="desk-left">
            <div className="big-counter" data-testid="count-counter" data-found={found} data-expected={expected}>
              <span className="big-counter-value">
                {found} / {expected}
              </span>
              <span className="big-counter-label">{t('warehouse.count.foundOfExpected')}</span>
              <progress max={Math.max(expected, 1)} value={Math.min(found, expected)} />
            </div>
            <FeedbackPanel feedback={shown} onSuggestion={() => {}} />
            <div className="desk-actions">
              <ManualEntry onSubmit={typed} />
              <button type="button" onClick={onLeave}>
                {t('warehouse.count.pause')}
              </button>
              <button type="button" className="primary" onClick={() => setClosing(true)}>
                {t('warehouse.count.close')}
              </button>
            </div>
            <p className="hint">{t('warehouse.count.hint')}</p>
          </section>
          <section className="desk-right">
            <h2>{t('warehouse.count.recent')}</h2>
            <RecentScans scans={scans.slice(-RECENT).reverse()} placeName={placeName} />
          </section>
        </div>
      )}
    </div>
  );
}

function RecentScans({ scans, placeName }: { scans: CountScan[]; placeName(id: string): string }) {
  const { t } = useTranslation();
  return (
    <table className="batch-list" data-testid="count-scans">
      <tbody>
        {scans.map((scan) => (
          <tr key={scan.id} data-result={scan.result}>
            <td className="mono">{scan.label}</td>
            <td>{t(`warehouse.count.results.${scan.result}`)}</td>
            <td>{scan.was ? [t(`statuses.${scan.was.status}`), scan.was.location && placeName(scan.was.location)].filter(Boolean).join(' · ') : ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
