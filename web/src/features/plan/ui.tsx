/**
 * Small pieces the plan's screens share: texts the server sends in both languages, status tags, the month field.
 * Tags use only Ant Design's status colours, which the DA06 theme darkens to WCAG AA contrast (theme.ts).
 */
import { DatePicker, Empty, Grid, Tag } from 'antd';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import type { ReactNode } from 'react';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { ImplementationStatus, ReportStatus, Text, TimelineState } from './api.ts';
import { currentMonth } from './month.ts';

/** Picks the server's Vietnamese or English text for the language on screen. */
export function useText(): (text: Text | null | undefined) => string {
  const { i18n } = useTranslation();
  const english = i18n.language === 'en';
  return (text) => (text ? (english ? text.en : text.vi) : '');
}

const REPORT_COLOURS: Record<ReportStatus, string> = {
  not_started: 'default',
  draft: 'processing',
  submitted: 'processing',
  returned: 'warning',
  accepted: 'success',
};

export function ReportStatusTag({ status }: { status: ReportStatus }) {
  const { t } = useTranslation('plan');
  return (
    <Tag color={REPORT_COLOURS[status]} data-testid="report-status" data-status={status}>
      {t(`reportStatus.${status}`)}
    </Tag>
  );
}

const IMPLEMENTATION_COLOURS: Record<ImplementationStatus, string> = { not_started: 'default', in_progress: 'processing', completed: 'success', blocked: 'error' };

export function ImplementationTag({ status }: { status: ImplementationStatus | null }) {
  const { t } = useTranslation('plan');
  if (!status) return <span>{t('common.none')}</span>;
  return <Tag color={IMPLEMENTATION_COLOURS[status]}>{t(`implementation.${status}`)}</Tag>;
}

export function LateTag({ late }: { late: boolean }) {
  const { t } = useTranslation('plan');
  return late ? (
    <Tag color="error" data-testid="late-tag">
      {t('common.late')}
    </Tag>
  ) : null;
}

const TIMELINE_COLOURS: Record<TimelineState, string> = {
  done: 'success',
  overdue: 'error',
  due_soon: 'warning',
  upcoming: 'processing',
  recurring: 'default',
  conditional: 'default',
  unscheduled: 'default',
};

export function TimelineStateTag({ state }: { state: string }) {
  const { t } = useTranslation('plan');
  return <Tag color={TIMELINE_COLOURS[state as TimelineState] ?? 'default'}>{t(`timelineState.${state}`, { defaultValue: state })}</Tag>;
}

/** A reporting month, picked as MM/yyyy and held as 'YYYY-MM'; months after the current one cannot be chosen. */
export function MonthField({ id, value, onChange }: { id: string; value: string; onChange: (month: string) => void }) {
  const { t } = useTranslation('plan');
  const latest = dayjs(`${currentMonth()}-01`);
  return (
    <DatePicker
      id={id}
      picker="month"
      allowClear={false}
      format={['MM/YYYY', 'M/YYYY']}
      placeholder={t('common.monthPlaceholder')}
      value={dayjs(`${value}-01`)}
      onChange={(date: Dayjs | null) => date && onChange(date.format('YYYY-MM'))}
      disabledDate={(date: Dayjs) => date.isAfter(latest, 'month')}
      style={{ width: 160 }}
      data-testid="month-field"
    />
  );
}

/** A label above a control that is not an Ant Design form item (filters above lists). */
export function FieldLabel({ htmlFor, children }: { htmlFor: string; children: string }) {
  return (
    <label htmlFor={htmlFor} style={{ display: 'block', fontWeight: 600, marginBottom: 4 }}>
      {children}
    </label>
  );
}

/** Label beside value on wide screens, label above value on phones (a two-column table would not fit 375 px). */
export function useDescriptionLayout(): 'horizontal' | 'vertical' {
  const screens = Grid.useBreakpoint();
  return screens.sm === false ? 'vertical' : 'horizontal';
}

/**
 * A box that scrolls sideways when a wide table does not fit. It can take keyboard focus and is named, so that
 * keyboard users can scroll it too (WCAG 2.1.1; axe "scrollable-region-focusable").
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}

/** Long model titles cut to two lines in lists (the full title is in the element's title and on the model's page). */
export function Clamp({ children, lines = 2 }: { children: ReactNode; lines?: number }) {
  return <span style={{ display: '-webkit-box', WebkitLineClamp: lines, WebkitBoxOrient: 'vertical', overflow: 'hidden' }}>{children}</span>;
}

/**
 * The shell's ResponsiveTable, except that an empty list is said with Ant Design's Empty (readable grey) rather than
 * the table's placeholder cell, whose disabled grey (#bfbfbf) fails WCAG contrast.
 */
export function DataTable<T>(props: Parameters<typeof ResponsiveTable<T>>[0]) {
  if (!props.loading && props.rows.length === 0) {
    return (
      <div data-testid={props.testId} data-empty="true">
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={props.emptyText} />
      </div>
    );
  }
  return <ResponsiveTable<T> {...props} />;
}

/**
 * A card's title as a level-2 heading: screen-reader users move between a page's parts by headings, and the page's
 * <h1> is followed by these rather than by Ant Design's list titles (h4), which axe reports as skipped levels.
 */
export function CardTitle({ children }: { children: ReactNode }) {
  return <h2 style={{ margin: 0, fontSize: 17, fontWeight: 600, whiteSpace: 'normal', display: 'inline' }}>{children}</h2>;
}
