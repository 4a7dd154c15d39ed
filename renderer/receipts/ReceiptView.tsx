import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReceiptData } from '../../shared/domain/event';
import { formatPrintedAt } from '../reports/print-page';
import { localeOf } from '../i18n';

export interface ReceiptHeader {
  /** When it was signed (the receipt event's time), desk and operator. */
  at: string;
  deskId: string;
  operator: string;
  departmentName: string;
}

/** The receipt as printed on A4, in the receipt's own language: the same for a new one and a reprint. */
export function ReceiptView({ data, header, signature }: { data: Omit<ReceiptData, 'signature' | 'receiptId'> & { receiptId?: string }; header: ReceiptHeader; signature: ReactNode }) {
  const { i18n } = useTranslation();
  const t = i18n.getFixedT(data.language);
  const locale = localeOf(data.language);
  const returned = data.of === 'returned';
  return (
    <article className="receipt" data-testid="receipt" lang={data.language}>
      <h1>{t(returned ? 'receipts.titleReturn' : 'receipts.titleHandout')}</h1>
      <dl className="receipt-facts">
        <div><dt>{t('receipts.employee')}</dt><dd>{data.employee.name}</dd></div>
        <div><dt>{t('receipts.employeeId')}</dt><dd>{data.employee.id}</dd></div>
        <div><dt>{t('receipts.department')}</dt><dd>{header.departmentName}</dd></div>
        <div><dt>{t('receipts.when')}</dt><dd>{formatPrintedAt(header.at, locale)}</dd></div>
        <div><dt>{t('receipts.desk')}</dt><dd>{header.deskId}</dd></div>
        <div><dt>{t('receipts.operator')}</dt><dd>{header.operator}</dd></div>
        {data.requestNumber && <div><dt>{t('receipts.request')}</dt><dd>{data.requestNumber}</dd></div>}
        {data.receiptId && <div><dt>{t('receipts.number')}</dt><dd className="mono">{data.receiptId}</dd></div>}
      </dl>
      <table className="receipt-devices">
        <thead>
          <tr>
            <th>{t('receipts.model')}</th>
            <th>{t('receipts.imeiSerial')}</th>
            <th>{t('receipts.assetTag')}</th>
            <th>{t('receipts.sim')}</th>
            {returned && <th>{t('receipts.condition')}</th>}
          </tr>
        </thead>
        <tbody>
          {data.devices.map((d) => (
            <tr key={d.deviceKey}>
              <td>{d.model ?? ''}</td>
              <td className="mono">{[d.imei, d.serial].filter(Boolean).join(' / ')}</td>
              <td className="mono">{d.assetTag ?? ''}</td>
              <td className="mono">{d.sim ?? ''}</td>
              {returned && <td>{d.condition ? t(`conditions.${d.condition}`) : ''}</td>}
            </tr>
          ))}
        </tbody>
      </table>
      {data.accessories && data.accessories.length > 0 && (
        <table className="receipt-devices receipt-accessories" data-testid="receipt-accessories">
          <thead>
            <tr>
              <th>{t('accessories.receipt.count')}</th>
              <th>{t('accessories.receipt.name')}</th>
            </tr>
          </thead>
          <tbody>
            {data.accessories.map((line) => (
              <tr key={line.accessory}>
                <td>{line.count} ×</td>
                <td>{line.name}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {data.terms && (
        <section className="receipt-terms">
          <h2>{t('receipts.terms')}</h2>
          <p>{data.terms}</p>
        </section>
      )}
      <section className="receipt-signature">{signature}</section>
    </article>
  );
}
