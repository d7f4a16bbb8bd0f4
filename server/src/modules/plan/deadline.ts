/**
 * Deadlines of the plan's models, from the text as written ("Thời gian hoàn thành") to a date or a recurrence.
 *
 * Forms found in section III of the plan and how they are read:
 * - "30/11/2023", "30/9/2023"                               → that day;
 * - "30/12/2023 (Căn cứ tình hình thực tế ở địa phương)"      → that day; the parenthesis is kept as a qualifier;
 * - "Giai đoạn 1 trước 30/12/2023"                           → that day (the first phase);
 * - "30/12/2023 và những năm tiếp theo"                      → that day, then continuing;
 * - "Quý I/2024", "Quý 1/2024", "Quý II/2024"                → the last day of the quarter;
 * - "Trong năm 2023"                                         → 31 December of that year;
 * - "Trong năm 2023 và năm 2024", "... và năm tiếp theo"      → 31 December of the later year;
 * - "Trong năm 2023 và những năm tiếp theo"                  → 31 December 2023, then continuing;
 * - "Thực hiện thường xuyên"                                 → a continuous task, reported every month;
 * - "03 tháng sau khi có hướng dẫn của Bộ Công an, ..."      → relative to an event with no date yet;
 * - anything else                                           → unscheduled (the text is still shown).
 */

export type ParsedDeadline =
  | { kind: 'date' | 'quarter' | 'year'; due: string; continuing: boolean; qualifier: string | null }
  | { kind: 'recurring'; recurrence: 'continuous' }
  | { kind: 'relative'; months: number; trigger: string }
  | { kind: 'unscheduled' };

const ROMAN_QUARTERS: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

function isoDate(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}

function lastDayOfQuarter(year: number, quarter: number): string {
  const endMonth = quarter * 3;
  // Day 0 of the next month is the last day of this one.
  return new Date(Date.UTC(year, endMonth, 0)).toISOString().slice(0, 10);
}

/** Splits "text (qualifier)" into the text and the qualifier. */
function splitQualifier(text: string): { main: string; qualifier: string | null } {
  const match = /^(.*?)\s*\(([^)]*)\)\s*\.?$/.exec(text);
  return match ? { main: match[1]!.trim(), qualifier: match[2]!.trim() } : { main: text, qualifier: null };
}

export function parseDeadline(written: string): ParsedDeadline {
  const text = written.normalize('NFC').replace(/\s+/g, ' ').trim().replace(/\.$/, '');
  if (/^thực hiện thường xuyên$/i.test(text)) return { kind: 'recurring', recurrence: 'continuous' };

  const relative = /^(\d{1,2}) tháng sau khi (.+)$/i.exec(text);
  if (relative) return { kind: 'relative', months: Number(relative[1]), trigger: relative[2]!.trim() };

  const { main, qualifier } = splitQualifier(text);
  const continuing = /và (những|các) năm tiếp theo$/i.test(main);

  const day = /(\d{1,2})\/(\d{1,2})\/(\d{4})/.exec(main);
  if (day) {
    const due = isoDate(Number(day[3]), Number(day[2]), Number(day[1]));
    if (due) return { kind: 'date', due, continuing, qualifier };
    return { kind: 'unscheduled' };
  }

  const quarter = /^quý ([IV]{1,3}|[1-4])\/(\d{4})$/i.exec(main);
  if (quarter) {
    const number = ROMAN_QUARTERS[quarter[1]!.toUpperCase()];
    if (number) return { kind: 'quarter', due: lastDayOfQuarter(Number(quarter[2]), number), continuing: false, qualifier };
  }

  const year = /^trong năm (\d{4})(?: và (?:năm (\d{4})|(năm tiếp theo)|(?:những|các) năm tiếp theo))?$/i.exec(main);
  if (year) {
    const first = Number(year[1]);
    const last = year[2] ? Number(year[2]) : year[3] ? first + 1 : first;
    return { kind: 'year', due: `${last}-12-31`, continuing, qualifier };
  }

  return { kind: 'unscheduled' };
}

/** The date a deadline falls due, when it has one. */
export function dueDateOf(deadline: ParsedDeadline): string | null {
  return 'due' in deadline ? deadline.due : null;
}
