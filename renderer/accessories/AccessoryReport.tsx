import { useLiveQuery } from 'dexie-react-hooks';
import { accessoryStockReport, accessoryStockTable } from '../../shared/reports/accessory-stock';
import { defaultTimeZone, startOfDay, type LocalDate } from '../../shared/reports/calendar';
import { useServices } from '../app/services';
import { ReportTableView } from '../reports/components/ReportTableView';

/**
 * The daily report's "Tilbehør": each accessory at the location — stock at the day's end, received
 * and issued that day, the low-stock level, flagged when low. Read from the desk's store by index
 * (the location's stock rows and its events from the day's start): a few hundred rows at most,
 * so it is read here rather than in the devices' report worker. Screen, A4 print and CSV alike.
 */
export function AccessoryReportSection({ location, day, timeZone = defaultTimeZone, fileName }: { location: string; day: LocalDate; timeZone?: string; fileName: string }) {
  const { db } = useServices();
  const rows = useLiveQuery(async () => {
    const from = new Date(startOfDay(day, timeZone)).toISOString();
    const [catalogue, stock, events] = await Promise.all([
      db.accessories.toArray(),
      db.accessoryStock.where('location').equals(location).toArray(),
      db.accessoryEvents.where('[location+at]').between([location, from], [location, '\uffff'], true, true).toArray(),
    ]);
    return accessoryStockReport({ location, day, timeZone, catalogue, stock, events: events.filter((e) => e.sync !== 'invalid') });
  }, [db, location, day, timeZone]);
  if (!rows || rows.length === 0) return null;
  const table = accessoryStockTable(rows);
  return <ReportTableView table={table} fileName={`${fileName} ${table.id}`} />;
}
