import { TableScroll } from '../ui/TableScroll';
import { dateFormat } from '../../../shared/dateFormat';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PUBLIC_CATEGORIES, type PublicCategory } from '../../../shared/domain';
import type { InputOf } from '../../../shared/api';
import { DEFAULT_LANGUAGE, isLanguage } from '../../../shared/i18n/languages';
import {
  REPORT_PRESET_NAMES,
  type Report,
  type ReportFormat,
  type ReportPeriodInput,
  type ReportPreset,
  type ReportTable,
  columnLabel,
  presetChapters,
  rowLabel,
  tableId,
} from '../../../shared/reports';
import { call } from '../api/client';
import { formatDate } from '../app/format';
import { routeToHash } from '../app/routes';
import { useFocusOnMount } from '../app/useFocusOnMount';
import { downloadBase64 } from '../exchange/files';
import { ErrorAlert } from '../ui/ErrorAlert';
import { FilterSelect } from '../ui/FilterSelect';
import { sectorLabel } from '../ui/sectors';
import { useApiValue } from '../ui/useApiValue';
import { BarChart } from './BarChart';
import { DateInput } from '../ui/DateInput';
import './reports.css';

type PeriodKind = ReportPeriodInput['kind'];
const PERIOD_KINDS: PeriodKind[] = ['year', 'quarter', 'month', 'range'];
const MONTHS = Array.from({ length: 12 }, (_, index) => index + 1);

interface Filters {
  publicCategory: PublicCategory | null;
  partnerId: string | null;
  sectorId: string | null;
  pairId: string | null;
  programmeId: string | null;
}

function periodInput(kind: PeriodKind, year: number, quarter: number, month: number, from: string, to: string): ReportPeriodInput {
  if (kind === 'year') return { kind, year };
  if (kind === 'quarter') return { kind, year, quarter };
  if (kind === 'month') return { kind, year, month };
  return { kind, from, to };
}

/** Bilans (`#/reports`): a period beside the one before, population filters, and each table of a document as a chart and its figures. */
export function ReportsSection() {
  const { t, i18n } = useTranslation();
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const thisYear = new Date().getFullYear();
  const [kind, setKind] = useState<PeriodKind>('year');
  const [year, setYear] = useState(thisYear);
  const [quarter, setQuarter] = useState(1);
  const [month, setMonth] = useState(1);
  const [from, setFrom] = useState(`${thisYear}-01-01`);
  const [to, setTo] = useState(`${thisYear}-12-31`);
  const [preset, setPreset] = useState<ReportPreset>('annual');
  const [filters, setFilters] = useState<Filters>({ publicCategory: null, partnerId: null, sectorId: null, pairId: null, programmeId: null });
  const [busy, setBusy] = useState<ReportFormat | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);

  const period = periodInput(kind, year, quarter, month, from, to);
  const query: InputOf<'reports.get'> = {
    period,
    filters: { publicCategories: filters.publicCategory ? [filters.publicCategory] : [], partnerId: filters.partnerId, sectorId: filters.sectorId, pairId: filters.pairId, programmeId: filters.programmeId },
  };
  const { state } = useApiValue('reports.get', query);
  // The lists behind the filters need the network's reading right: without it, those filters are not offered.
  const partners = useApiValue('partners.list', { limit: 500 });
  const sectors = useApiValue('sectors.list', {});
  const pairs = useApiValue('pairs.list', {});
  const programmes = useApiValue('programmes.list', {});

  async function download(format: ReportFormat, table?: ReportTable) {
    setBusy(format);
    setExportError(null);
    const result = await call('reports.export', { ...query, preset, format, language: isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE, ...(table ? { table: tableId(table) } : {}) });
    setBusy(null);
    if (result.ok) downloadBase64(result.value.content, result.value.fileName);
    else setExportError(result.error.message);
  }

  const setFilter = <K extends keyof Filters>(key: K, value: Filters[K]) => setFilters((current) => ({ ...current, [key]: value }));

  return (
    <div className="screen reports-screen">
      <header className="screen-header">
        <div>
          <h1 ref={headingRef} tabIndex={-1}>
            {t('reports.ui.title')}
          </h1>
          <p className="screen-subtitle">{t('reports.ui.subtitle')}</p>
        </div>
      </header>

      <form className="card reports-controls" aria-label={t('reports.ui.screen.period')} onSubmit={(event) => event.preventDefault()}>
        <fieldset className="reports-row">
          <legend>{t('reports.ui.screen.periodAndDocument')}</legend>
          <label className="reports-field">
            <span>{t('reports.ui.screen.periodKind')}</span>
            <select value={kind} onChange={(event) => setKind(event.target.value as PeriodKind)} data-testid="period-kind">
              {PERIOD_KINDS.map((option) => (
                <option key={option} value={option}>
                  {t(`reports.ui.screen.kind.${option}`)}
                </option>
              ))}
            </select>
          </label>
          {kind !== 'range' && (
            <label className="reports-field">
              <span>{t('reports.ui.screen.year')}</span>
              <input type="number" min={2000} max={2100} value={year} onChange={(event) => setYear(Number(event.target.value) || thisYear)} />
            </label>
          )}
          {kind === 'quarter' && (
            <label className="reports-field">
              <span>{t('reports.ui.screen.quarter')}</span>
              <select value={quarter} onChange={(event) => setQuarter(Number(event.target.value))}>
                {[1, 2, 3, 4].map((option) => (
                  <option key={option} value={option}>
                    {t('reports.ui.screen.quarterNumber', { number: option })}
                  </option>
                ))}
              </select>
            </label>
          )}
          {kind === 'month' && (
            <label className="reports-field">
              <span>{t('reports.ui.screen.month')}</span>
              <select value={month} onChange={(event) => setMonth(Number(event.target.value))}>
                {MONTHS.map((option) => (
                  <option key={option} value={option}>
                    {dateFormat(i18n.language, { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2000, option - 1, 1)))}
                  </option>
                ))}
              </select>
            </label>
          )}
          {kind === 'range' && (
            <>
              <label className="reports-field">
                <span>{t('reports.ui.screen.from')}</span>
                <DateInput value={from} onChange={(event) => setFrom(event.target.value)} />
              </label>
              <label className="reports-field">
                <span>{t('reports.ui.screen.to')}</span>
                <DateInput value={to} onChange={(event) => setTo(event.target.value)} />
              </label>
            </>
          )}
          <label className="reports-field">
            <span>{t('reports.ui.screen.preset')}</span>
            <select value={preset} onChange={(event) => setPreset(event.target.value as ReportPreset)} data-testid="report-preset">
              {REPORT_PRESET_NAMES.map((option) => (
                <option key={option} value={option}>
                  {t(`reports.ui.presets.${option}`)}
                </option>
              ))}
            </select>
          </label>
        </fieldset>
        <fieldset className="reports-row">
          <legend>{t('reports.ui.screen.filters')}</legend>
          <FilterSelect
            label={t('reports.ui.screen.filters')}
            anyLabel={t('reports.ui.screen.allStatuses')}
            value={filters.publicCategory}
            options={PUBLIC_CATEGORIES.map((value) => ({ value, label: t(`candidates.values.publicCategories.${value}`) }))}
            onChange={(value) => setFilter('publicCategory', value as PublicCategory | null)}
          />
          {partners.state.status === 'ready' && (
            <FilterSelect
              label={t('reports.ui.screen.allPartners')}
              anyLabel={t('reports.ui.screen.allPartners')}
              value={filters.partnerId}
              options={partners.state.value.items.map((partner) => ({ value: partner.id, label: partner.name }))}
              onChange={(value) => setFilter('partnerId', value)}
            />
          )}
          {sectors.state.status === 'ready' && (
            <FilterSelect
              label={t('reports.ui.screen.allSectors')}
              anyLabel={t('reports.ui.screen.allSectors')}
              value={filters.sectorId}
              options={sectors.state.value.map((sector) => ({ value: sector.id, label: sectorLabel(sector, t) }))}
              onChange={(value) => setFilter('sectorId', value)}
            />
          )}
          {pairs.state.status === 'ready' && (
            <FilterSelect
              label={t('reports.ui.screen.allPairs')}
              anyLabel={t('reports.ui.screen.allPairs')}
              value={filters.pairId}
              options={pairs.state.value.map((pair) => ({
                value: pair.id,
                label: `${pair.firstVolunteer.firstName} ${pair.firstVolunteer.lastName} & ${pair.secondVolunteer.firstName} ${pair.secondVolunteer.lastName}`,
              }))}
              onChange={(value) => setFilter('pairId', value)}
            />
          )}
          {programmes.state.status === 'ready' && programmes.state.value.length > 0 && (
            <FilterSelect
              label={t('reports.ui.screen.allProgrammes')}
              anyLabel={t('reports.ui.screen.allProgrammes')}
              value={filters.programmeId}
              options={programmes.state.value.map((programme) => ({ value: programme.id, label: programme.name }))}
              onChange={(value) => setFilter('programmeId', value)}
            />
          )}
        </fieldset>
        <div className="reports-downloads">
          <button type="button" className="button button-primary" disabled={busy !== null || state.status !== 'ready'} onClick={() => void download('pdf')}>
            {t('reports.ui.screen.downloadPdf')}
          </button>
          <button type="button" className="button button-secondary" disabled={busy !== null || state.status !== 'ready'} onClick={() => void download('xlsx')}>
            {t('reports.ui.screen.downloadXlsx')}
          </button>
          {busy !== null && (
            <span className="muted" role="status">
              {t('reports.ui.screen.loading')}
            </span>
          )}
        </div>
      </form>

      <ErrorAlert messageKey={exportError ?? (state.status === 'error' ? state.messageKey : null)} />
      {state.status === 'loading' && <p className="muted">{t('reports.ui.screen.loading')}</p>}
      {state.status === 'ready' && <ReportView report={state.value} preset={preset} onCsv={(table) => void download('csv', table)} />}
    </div>
  );
}

function ReportView({ report, preset, onCsv }: { report: Report; preset: ReportPreset; onCsv(table: ReportTable): void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const date = (value: string) => formatDate(value, language);
  return (
    <div className="reports-tables">
      <p className="reports-period">
        {t('reports.ui.periodText', { from: date(report.current.from), to: date(report.current.to), previousFrom: date(report.previous.from), previousTo: date(report.previous.to) })}
      </p>
      {report.association === null && (
        <p className="reports-hint">
          {t('reports.ui.screen.noAssociationName')} <a href={routeToHash({ section: 'exchange' })}>{t('reports.ui.screen.toProfile')}</a>
        </p>
      )}
      {presetChapters(report, preset).map((chapter) => (
        <section key={chapter.id} className="reports-chapter" aria-labelledby={`chapter-${chapter.id}`}>
          <h2 id={`chapter-${chapter.id}`} className="reports-chapter-title">
            {t(`reports.ui.chapters.${chapter.id}`)}
          </h2>
          {chapter.tables.map((table) => (
            <ReportFigure key={tableId(table)} table={table} language={language} onCsv={() => onCsv(table)} />
          ))}
        </section>
      ))}
    </div>
  );
}

function ReportFigure({ table, language, onCsv }: { table: ReportTable; language: string; onCsv(): void }) {
  const { t } = useTranslation();
  const title = t(`reports.ui.tables.${table.section}.${table.name}`);
  const number = (value: number) => value.toLocaleString(language);
  const comparing = table.columns.includes('current');
  const charted = table.rows.filter((row) => row.unit === undefined);
  return (
    <section className="card reports-figure" aria-label={title} data-testid={`report-${tableId(table)}`}>
      <header className="reports-figure-header">
        <h3>{title}</h3>
        <button type="button" className="button button-secondary reports-csv" onClick={onCsv}>
          {t('reports.ui.screen.downloadCsv')}
        </button>
      </header>
      <details className="reports-definition">
        <summary>{t('reports.ui.screen.definition')}</summary>
        <p>{t(`reports.ui.definitions.${table.section}.${table.name}`)}</p>
      </details>
      {comparing && charted.length > 0 && (
        <BarChart
          title={t('reports.ui.screen.chart', { title })}
          bars={charted.map((row) => ({ label: rowLabel(table, row, t, language), current: row.values[0] ?? 0, previous: row.values[1] ?? 0 }))}
          legend={[t('reports.ui.columns.current'), t('reports.ui.columns.previous')]}
        />
      )}
      <TableScroll label={title}>
        <table className="data-table reports-table">
          <thead>
            <tr>
              {/* What the rows are: the table's own title, for screen readers (the rows' names say it to the eye). */}
              <th scope="col">
                <span className="visually-hidden">{title}</span>
              </th>
              {table.columns.map((column) => (
                <th key={column} scope="col" className="number">
                  {columnLabel(table, column, t, language)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{rowLabel(table, row, t, language)}</th>
                {row.values.map((value, index) => (
                  <td key={table.columns[index]} className="number">
                    {number(value)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          {table.additive && (
            <tfoot>
              <tr>
                <th scope="row">{t('reports.ui.total')}</th>
                {table.columns.map((column, index) => (
                  <td key={column} className="number">
                    {number(charted.reduce((sum, row) => sum + (row.values[index] ?? 0), 0))}
                  </td>
                ))}
              </tr>
            </tfoot>
          )}
        </table>
      </TableScroll>
    </section>
  );
}
