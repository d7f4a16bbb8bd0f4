/**
 * Reporting months ('YYYY-MM'). The report on month M is due before the 12th of M+1 (the plan's section V.3), so
 * until the 11th the month that needs reporting is the previous one; from the 12th it is the current one.
 */
import { todayIso } from '../../format.ts';

export const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export function addMonths(month: string, delta: number): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (number - 1) + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export function currentMonth(): string {
  return todayIso().slice(0, 7);
}

/** The month a unit should be reporting on today. */
export function reportingMonth(): string {
  const today = todayIso();
  return Number(today.slice(8, 10)) <= 11 ? addMonths(today.slice(0, 7), -1) : today.slice(0, 7);
}

/** '2026-11' → '11/2026'. */
export function formatMonth(month: string): string {
  return MONTH.test(month) ? `${month.slice(5, 7)}/${month.slice(0, 4)}` : month;
}
