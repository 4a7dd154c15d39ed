import { useTranslation } from 'react-i18next';
import { useOpen } from '../app/navigation';
import { useServices } from '../app/services';
import type { Employee } from '../../shared/domain/reference';
import { deviceLabels } from './device-labels';
import { employeeCardContent } from './label-content';
import { tagFromSeries } from './series-tags';

/** Opens the label screen with these devices' labels, in this order. */
export function DeviceLabelsButton({ deviceKeys, text }: { deviceKeys: readonly string[]; text: 'forBatch' | 'forDevice' }) {
  const { t } = useTranslation();
  const { db, settings, session, updateSettings } = useServices();
  const open = useOpen();
  const print = async () => {
    // A desk with a series of asset tags tags the untagged devices first: their labels carry the tag.
    if (settings.assetTagSeries && session) {
      const moved = await tagFromSeries(db, { deskId: settings.deskId, operator: session.operator, location: session.location }, deviceKeys);
      if (moved.assetTagSeries?.next !== settings.assetTagSeries.next) await updateSettings(moved);
    }
    open({ screen: 'labels', labels: await deviceLabels(db, deviceKeys, t('labels.owner')) });
  };
  return (
    <button type="button" disabled={deviceKeys.length === 0} onClick={() => void print()}>
      {t(`labels.${text}`)}
    </button>
  );
}

/** Opens the label screen with cards of these employees (`KVIK:EMP:<id>`), those whose id a card can carry. */
export function EmployeeCardsButton({ employees }: { employees: readonly Employee[] }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const open = useOpen();
  const print = async () => {
    const names = new Map((await db.departments.toArray()).map((d) => [d.id, d.name]));
    open({ screen: 'labels', labels: employees.flatMap((e) => employeeCardContent(e, names.get(e.department) ?? e.department) ?? []) });
  };
  return (
    <button type="button" disabled={employees.length === 0} onClick={() => void print()}>
      {t('labels.employeeCards', { count: employees.length })}
    </button>
  );
}
