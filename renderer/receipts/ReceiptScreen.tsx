import { useCallback, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { v7 as uuidv7 } from 'uuid';
import type { DeviceEventOf, ReceiptData } from '../../shared/domain/event';
import { eventLimits } from '../../shared/domain/limits';
import { useServices } from '../app/services';
import { recordEvent } from '../store/record';
import { receiptEvents, type ReceiptDraft } from './draft';
import type { ReceiptJob } from './receipt-job';
import { ReceiptView } from './ReceiptView';
import { flatSignatures } from './signature';
import { SignatureField } from './SignatureField';
import './receipts.css';

type Pad = { canvas: HTMLCanvasElement; isEmpty: () => boolean } | null;

/**
 * A receipt: signed on screen and recorded on each of its devices (then printed or saved as PDF),
 * or a recorded one printed again from a device's history.
 */
export function ReceiptScreen({ job, onClose }: { job: ReceiptJob; onClose: () => void }) {
  const [saved, setSaved] = useState<DeviceEventOf<'receipt'> | null>(job.kind === 'print' ? job.event : null);
  return saved ? <PrintReceipt event={saved} onClose={onClose} /> : job.kind === 'sign' ? <SignReceipt draft={job.draft} onSaved={setSaved} onClose={onClose} /> : null;
}

function useDepartmentName(id: string): string {
  const { db } = useServices();
  return useLiveQuery(async () => (await db.departments.get(id))?.name ?? id, [db, id]) ?? id;
}

function SignReceipt({ draft, onSaved, onClose }: { draft: ReceiptDraft; onSaved: (event: DeviceEventOf<'receipt'>) => void; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { db, settings, session } = useServices();
  const [pad, setPad] = useState<Pad>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const onPad = useCallback((next: Pad) => setPad(next), []);
  const language = settings.language;
  const terms = (settings.termsOfUse[language].trim() || i18n.getFixedT(language)('receipts.defaultTerms')).slice(0, eventLimits.termsMax);
  const departmentName = useDepartmentName(draft.employee.department);
  const now = new Date().toISOString();

  const save = async () => {
    if (!session) return;
    if (!pad || pad.isEmpty()) return setProblem(t('receipts.needSignature'));
    const ctx = { deskId: settings.deskId, operator: session.operator, location: session.location };
    const base: Omit<ReceiptData, 'signature'> = { ...draft, receiptId: uuidv7(), language, terms };
    for (const signature of flatSignatures(pad.canvas)) {
      const events = receiptEvents(ctx, { ...base, signature }, new Date());
      if (!events) continue;
      await db.transaction('rw', [db.devices, db.events, db.outbox], async () => {
        for (const event of events) {
          const result = await recordEvent(db, event);
          if (!result.ok) throw new Error(t(`refusals.${result.refusal.code}`, { status: result.refusal.status }));
        }
      });
      return onSaved(events[0] as DeviceEventOf<'receipt'>);
    }
    setProblem(t('receipts.signatureTooBig'));
  };

  return (
    <div className="receipt-screen">
      <div className="no-print toolbar">
        <button type="button" className="primary" onClick={() => void save().catch((e: unknown) => setProblem(e instanceof Error ? e.message : String(e)))}>
          {t('receipts.save')}
        </button>
        <button type="button" onClick={onClose}>
          {t('receipts.skip')}
        </button>
        {problem && (
          <p className="feedback-inline" role="alert" data-tone="error">
            {problem}
          </p>
        )}
      </div>
      <ReceiptView
        data={{ ...draft, language, terms }}
        header={{ at: now, deskId: settings.deskId, operator: session?.operator ?? '', departmentName }}
        signature={<SignatureField onPad={onPad} />}
      />
    </div>
  );
}

function PrintReceipt({ event, onClose }: { event: DeviceEventOf<'receipt'>; onClose: () => void }) {
  const { t } = useTranslation();
  const { platform } = useServices();
  const departmentName = useDepartmentName(event.data.employee.department);
  return (
    <div className="receipt-screen">
      <div className="no-print toolbar">
        <p className="hint" role="status">{t('receipts.saved')}</p>
        <button type="button" className="primary" onClick={() => void platform.print()}>
          {t('receipts.print')}
        </button>
        <button type="button" onClick={() => void platform.savePdf(`kvittering-${event.data.employee.id}-${event.at.slice(0, 10)}.pdf`)}>
          {t('receipts.savePdf')}
        </button>
        <button type="button" onClick={onClose}>
          {t('receipts.close')}
        </button>
      </div>
      <ReceiptView
        data={event.data}
        header={{ at: event.at, deskId: event.deskId, operator: event.operator, departmentName }}
        signature={
          <>
            {event.data.signature ? <img className="signature-image" src={event.data.signature} alt={t('receipts.signatureAlt')} /> : <div className="signature-blank" />}
            <div className="signature-line">{t('receipts.signHere')}</div>
          </>
        }
      />
    </div>
  );
}
