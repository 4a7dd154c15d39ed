import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { transferBarcode } from '../../shared/transfers/transfer';
import { formatDateTime } from '../app/format';
import { useServices } from '../app/services';
import { Barcode } from '../desk/Barcode';
import { localeOf } from '../i18n';
import { formatPrintedAt, printPageCss } from '../reports/print-page';
import { packedEvent, transferDevices } from './transfer-store';
import './transfers.css';

/**
 * The packing slip of a transfer, on A4 (print, or save as PDF): its barcode — the receiver scans
 * it to open the expected list —, from, to, who packed it and when, every device still in transit
 * in it with model and identifiers, and the signature lines of the handover.
 */
export function PackingSlipScreen({ transferId, onBack }: { transferId: string; onBack: () => void }) {
  const { t, i18n } = useTranslation();
  const { db, platform, session } = useServices();
  const locale = localeOf(i18n.language);
  const [notice, setNotice] = useState<string | null>(null);
  const slip = useLiveQuery(async () => {
    const devices = await transferDevices(db, transferId);
    const first = devices[0] ? await packedEvent(db, devices[0].key, transferId) : undefined;
    const names = new Map((await db.locations.toArray()).map((l) => [l.id, l.name]));
    return { devices, first, names };
  }, [db, transferId]);
  if (!slip) return null;
  const transit = slip.devices[0]?.transit;
  const name = (id: string | undefined) => (id ? (slip.names.get(id) ?? id) : '');
  const pageCss = printPageCss({
    title: `${t('transfers.title')} · ${transferId}`,
    printed: t('reports.printedBy', { operator: session?.operator ?? '', at: formatPrintedAt(new Date().toISOString(), locale) }),
    pageOf: t('reports.pageOf'),
  });
  const savePdf = async () => {
    const result = await platform.savePdf(`${t('transfers.title')} ${transferId}.pdf`);
    if (result.saved && result.path) setNotice(t('transfers.pdfSaved', { path: result.path }));
  };

  return (
    <div className="packing-slip" data-testid="packing-slip">
      <style>{pageCss}</style>
      <div className="no-print toolbar">
        <button type="button" onClick={onBack}>
          {t('transfers.back')}
        </button>
        <button type="button" className="primary" onClick={() => void platform.print()}>
          {t('transfers.print')}
        </button>
        <button type="button" onClick={() => void savePdf()}>
          {t('transfers.pdf')}
        </button>
        {notice && <span role="status">{notice}</span>}
      </div>
      <header className="slip-head">
        <div>
          <h1>{t('transfers.title')}</h1>
          <p className="mono slip-id">{transferId}</p>
        </div>
        <Barcode text={transferBarcode(transferId)} />
      </header>
      <dl className="slip-facts">
        <dt>{t('transfers.from')}</dt>
        <dd data-testid="slip-from">{name(transit?.from)}</dd>
        <dt>{t('transfers.to')}</dt>
        <dd data-testid="slip-to">{name(transit?.to)}</dd>
        <dt>{t('transfers.packedBy')}</dt>
        <dd>{slip.first?.operator ?? ''}</dd>
        <dt>{t('transfers.packedAt')}</dt>
        <dd>{transit ? formatDateTime(transit.since, locale) : ''}</dd>
      </dl>
      {slip.devices.length === 0 ? (
        <p>{t('transfers.noDevices')}</p>
      ) : (
        <table className="slip-devices">
          <caption>{t('transfers.devices', { count: slip.devices.length })}</caption>
          <thead>
            <tr>
              <th>#</th>
              <th>{t('transfers.colKind')}</th>
              <th>{t('transfers.colModel')}</th>
              <th>{t('transfers.colImei')}</th>
              <th>{t('transfers.colSerial')}</th>
              <th>{t('transfers.colAssetTag')}</th>
            </tr>
          </thead>
          <tbody>
            {slip.devices.map((d, i) => (
              <tr key={d.key}>
                <td>{i + 1}</td>
                <td>{t(`kinds.${d.kind}`)}</td>
                <td>{d.model ?? ''}</td>
                <td className="mono">{d.imei ?? ''}</td>
                <td className="mono">{d.serial ?? ''}</td>
                <td className="mono">{d.assetTag ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="signatures">
        {(['handedOver', 'receivedBy'] as const).map((who) => (
          <section key={who}>
            <h2>{t(`transfers.${who}`)}</h2>
            <p>{t('transfers.signName')}</p>
            <p>{t('transfers.signDate')}</p>
            <p>{t('transfers.signature')}</p>
          </section>
        ))}
      </div>
    </div>
  );
}
