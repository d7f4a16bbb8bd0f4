/**
 * Reporting months and the monthly deadline.
 *
 * Section V.3 of the plan: units report the state and results of their models to the standing agency "trước ngày 12
 * hàng tháng" (before the 12th of every month). Our reading: the report on month M is due by 23:59:59 on the 11th of
 * month M+1, Vietnam time (Asia/Ho_Chi_Minh, UTC+07:00 all year); a first submission at or after 00:00 on the 12th is
 * late. Lateness is judged on the first submission: a report submitted on time, returned by the standing agency and
 * corrected after the 12th is not late (the unit did report on time; the correction was asked for).
 */
import { VIETNAM_OFFSET_MS, vietnamTime } from '../../kernel/clock.ts';

/** A reporting month, "YYYY-MM". */
export type Month = string;

export const MONTH_PATTERN = '^[0-9]{4}-(0[1-9]|1[0-2])$';
const MONTH = new RegExp(MONTH_PATTERN);

/** The day of month M+1 before which the report on month M is due (section V.3). */
export const REPORT_DUE_DAY = 12;

export function isMonth(value: string): boolean {
  return MONTH.test(value);
}

function parts(month: Month): [number, number] {
  if (!isMonth(month)) throw new Error(`not a month: ${month}`);
  return [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
}

function format(year: number, month: number): Month {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

export function addMonths(month: Month, count: number): Month {
  const [year, number] = parts(month);
  const index = year * 12 + (number - 1) + count;
  return format(Math.floor(index / 12), (index % 12) + 1);
}

export function compareMonths(a: Month, b: Month): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The month an instant falls in, in Vietnam. */
export function monthOf(at: Date): Month {
  return new Date(at.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 7);
}

/** The first instant at which a report on `month` is late: 00:00 on the 12th of the next month, Vietnam time. */
export function reportDueAt(month: Month): Date {
  return vietnamTime(`${addMonths(month, 1)}-${String(REPORT_DUE_DAY).padStart(2, '0')}`, '00:00');
}

/** The last day on which a report on `month` is on time ("YYYY-MM-DD", the 11th of the next month). */
export function lastOnTimeDay(month: Month): string {
  return `${addMonths(month, 1)}-${String(REPORT_DUE_DAY - 1).padStart(2, '0')}`;
}

export function isLate(firstSubmittedAt: Date, month: Month): boolean {
  return firstSubmittedAt.getTime() >= reportDueAt(month).getTime();
}

/** The first and last day of a month ("YYYY-MM-DD"). */
export function monthBounds(month: Month): { first: string; last: string } {
  const [year, number] = parts(month);
  const last = new Date(Date.UTC(year, number, 0)).getUTCDate();
  return { first: `${month}-01`, last: `${month}-${String(last).padStart(2, '0')}` };
}

/** "10/2026" as the plan and reports write a month. */
export function monthLabel(month: Month): string {
  const [year, number] = parts(month);
  return `${number}/${year}`;
}

/** Every month from `from` to `to`, both included. */
export function monthsBetween(from: Month, to: Month): Month[] {
  const months: Month[] = [];
  for (let month = from; compareMonths(month, to) <= 0; month = addMonths(month, 1)) months.push(month);
  return months;
}
