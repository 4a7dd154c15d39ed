import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { Device } from '../../shared/domain/device';
import { useServices } from '../app/services';
import { formatDate } from '../app/format';
import { localeOf } from '../i18n';
import { DeviceLabelsButton } from '../labels/LabelButtons';

export function DeviceCard({ device }: { device: Device }) {
  const { t, i18n } = useTranslation();
  const { db } = useServices();
  const locale = localeOf(i18n.language);
  const names = useLiveQuery(async () => {
    const [model, employee, department, location] = await Promise.all([
      device.model ? db.models.get(device.model) : undefined,
      device.holder ? db.employees.get(device.holder.employeeId) : undefined,
      device.holder ? db.departments.get(device.holder.department) : undefined,
      device.location ? db.locations.get(device.location) : undefined,
    ]);
    return { model: model?.name, employee: employee?.name, department: department?.name, location: location?.name };
  }, [db, device]);
  const none = t('lookup.none');
  const ids = [device.imei && `IMEI ${device.imei}`, device.imei2 && `IMEI 2 ${device.imei2}`, device.serial && `S/N ${device.serial}`, device.assetTag, ...device.alternatives].filter(Boolean);

  const rows: Array<[string, string]> = [
    [t('lookup.status'), t(`statuses.${device.status}`)],
    [t('lookup.kind'), t(`kinds.${device.kind}`)],
    [t('lookup.model'), names?.model ?? device.model ?? none],
    [t('lookup.identifiers'), ids.join(' · ')],
    [t('lookup.holder'), device.holder ? `${names?.employee ?? device.holder.employeeId} (${names?.department ?? device.holder.department})` : none],
    [t('lookup.sim'), device.sim ?? none],
    [t('lookup.location'), names?.location ?? device.location ?? none],
    [t('lookup.condition'), device.condition ? t(`conditions.${device.condition}`) : none],
    [t('lookup.repair'), device.repair ? t('lookup.repairSince', { vendor: device.repair.vendor, date: formatDate(device.repair.since, locale) }) : none],
    [t('lookup.disposal'), device.disposal ? `${t(`methods.${device.disposal.method}`)} · ${device.disposal.certificate}` : none],
    [t('lookup.handouts'), new Intl.NumberFormat(locale).format(device.handouts)],
  ];
  return (
    <section className={`device-card status-${device.status}`} data-testid="device-card" data-status={device.status}>
      <h2 className="mono">{device.imei ?? device.serial ?? device.key}</h2>
      <dl>
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <DeviceLabelsButton text="forDevice" deviceKeys={[device.key]} />
    </section>
  );
}
