import { useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { defaultTimeZone, localDayOf, quarterOf, type Quarter } from '../../shared/reports/calendar';
import { useServices } from '../app/services';
import { DailyReport } from './components/DailyReport';
import { DepartmentReport } from './components/DepartmentReport';
import { LocationPicker } from './components/LocationPicker';
import { MonthlyReport } from './components/MonthlyReport';
import { StatementReport } from './components/StatementReport';
import { OverviewReport } from './components/OverviewReport';
import { IntuneReport } from './fleet/IntuneReport';
import { ReplacementReport } from './fleet/ReplacementReport';
import { UnusedReport } from './fleet/UnusedReport';
import { ReportRulesForm } from './components/ReportRulesForm';
import { loadReportPrices, loadReportRules, reportSettings } from './report-settings';
import { useMay } from '../app/use-may';
import './reports.css';

const tabs = ['overview', 'daily', 'monthly', 'billing', 'statement', 'replacement', 'intune', 'unused', 'rules'] as const;
type Tab = (typeof tabs)[number];

/** How many quarters back the department report offers. */
const QUARTERS_BACK = 8;

/**
 * The team lead's reports: the overview at the end of the day, the daily stock report of a
 * location and day, the monthly summary, the department report of a quarter and each department's statement, the replacement plan with residual values
 * the reconciliation with an Intune export and the unused and idle devices. Each is read from the local store and
 * computed in a worker (`renderer/reports/README.md`); each prints on A4 and saves as PDF.
 */
export function ReportsScreen() {
  const { t } = useTranslation();
  const { db, settings, session } = useServices();
  const locations = useLiveQuery(() => db.locations.orderBy('name').toArray(), [db]);
  const prices = useLiveQuery(() => loadReportPrices(db), [db]);
  const rules = useLiveQuery(() => loadReportRules(db), [db]);
  // The rules that make the figures are set by whoever may set the prices.
  const maySetRules = useMay('prices.edit');
  // Built from the values, not the objects: a report reruns only when a figure it uses changes.
  const idleDays = settings.idleDays;
  const [phone, tablet, pc] = [prices?.phone, prices?.tablet, prices?.pc];
  const rulesKey = rules ? JSON.stringify(rules) : undefined;
  const reportSettingsNow = useMemo(
    () => (phone !== undefined && tablet !== undefined && pc !== undefined && rulesKey ? reportSettings({ idleDays }, { phone, tablet, pc }, JSON.parse(rulesKey)) : null),
    [idleDays, phone, tablet, pc, rulesKey],
  );

  // Today as of opening the screen: a report left open over midnight keeps its day until reopened.
  const [today] = useState(() => localDayOf(Date.now(), defaultTimeZone));
  const [tab, setTab] = useState<Tab>('overview');
  const [location, setLocation] = useState(session?.location ?? settings.location ?? 'LAGER');
  const [day, setDay] = useState(today);
  const [quarter, setQuarter] = useState<Quarter>(() => quarterOf(today));
  const quarters = useMemo(() => recentQuarters(quarterOf(today), QUARTERS_BACK), [today]);

  if (!locations || !prices || !rules || !reportSettingsNow) return <p>{t('app.loading')}</p>;
  const locationName = locations.find((l) => l.id === location)?.name ?? location;
  const locationPicker = <LocationPicker locations={locations} value={location} onChange={setLocation} />;

  return (
    <div className="reports">
      <div className="report-tabs no-print" role="tablist" aria-label={t('reports.title')}>
        {tabs.filter((id) => id !== 'rules' || maySetRules).map((id) => (
          <button key={id} type="button" role="tab" aria-selected={id === tab} className={id === tab ? 'tab active' : 'tab'} onClick={() => setTab(id)}>
            {t(`reports.tabs.${id}`)}
          </button>
        ))}
      </div>
      {tab === 'overview' ? (
        <OverviewReport location={location} locationName={locationName} locationPicker={locationPicker} today={today} settings={reportSettingsNow} />
      ) : tab === 'daily' ? (
        <DailyReport
          location={location}
          locationName={locationName}
          locationPicker={locationPicker}
          day={day}
          today={today}
          onDayChange={setDay}
          settings={reportSettingsNow}
        />
      ) : tab === 'monthly' ? (
        <MonthlyReport today={today} settings={reportSettingsNow} />
      ) : tab === 'statement' ? (
        <StatementReport quarter={quarter} quarters={quarters} onQuarterChange={setQuarter} today={today} settings={reportSettingsNow} />
      ) : tab === 'replacement' ? (
        <ReplacementReport today={today} settings={reportSettingsNow} />
      ) : tab === 'intune' ? (
        <IntuneReport settings={reportSettingsNow} />
      ) : tab === 'unused' ? (
        <UnusedReport today={today} settings={reportSettingsNow} onOpenIntune={() => setTab('intune')} />
      ) : tab === 'rules' ? (
        <ReportRulesForm rules={rules} />
      ) : (
        <DepartmentReport
          quarter={quarter}
          quarters={quarters}
          onQuarterChange={setQuarter}
          today={today}
          settings={reportSettingsNow}
          prices={prices}
        />
      )}
    </div>
  );
}

/** `count` quarters ending with `latest`, newest first. */
function recentQuarters(latest: Quarter, count: number): Quarter[] {
  return Array.from({ length: count }, (_, i) => {
    const index = latest.year * 4 + (latest.quarter - 1) - i;
    return { year: Math.floor(index / 4), quarter: (index % 4) + 1 };
  });
}
