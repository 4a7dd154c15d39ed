import { useCallback, useState } from 'react';
import type { Erasure } from '../../../shared/domain/event';
import type { DisposalBatch, JoinRefusal } from '../../../shared/warehouse/disposal';
import { isWarning } from '../../../shared/warehouse/disposal';
import { useServices } from '../../app/services';
import type { Message } from '../../desk/decide';
import { deviceLabel } from '../../desk/device-label';
import { useFlowScans, type FlowResult, type FlowScan } from '../use-flow-scans';
import { joinBatch } from './disposal-store';

/**
 * Scanning devices into an open disposal batch with the erasure evidence set on the screen: each
 * joins (green), is already in it (amber), or is refused with the reason (red).
 */
export function useBatchScans(batch: DisposalBatch, erasure: Erasure) {
  const { db, settings, session } = useServices();
  const [current, setCurrent] = useState(batch);
  const decide = useCallback(
    async ({ identifiers, value }: FlowScan): Promise<FlowResult> => {
      if (!session) throw new Error('not signed in');
      const ctx = { deskId: settings.deskId, operator: session.operator, location: session.location };
      const outcome = await joinBatch(db, ctx, batch.id, identifiers, erasure);
      if (outcome.ok) {
        setCurrent(outcome.batch);
        return { tone: 'good', message: { key: 'warehouse.disposal.joined', params: { device: deviceLabel(outcome.device) } } };
      }
      if ('unknown' in outcome) return { tone: 'error', message: { key: 'feedback.unknownDevice', params: { device: value } } };
      return { tone: isWarning(outcome.refusal) ? 'warning' : 'error', message: refusalMessage(outcome.refusal, deviceLabel(outcome.device)) };
    },
    [db, settings.deskId, session, batch.id, erasure],
  );
  const { feedback, claim } = useFlowScans(decide);
  return { batch: current, setBatch: setCurrent, feedback, claim };
}

function refusalMessage(refusal: JoinRefusal, device: string): Message {
  const { code, ...params } = refusal;
  return { key: `warehouse.disposal.refusals.${code}`, params: { device, ...params } };
}
