/**
 * Dates as people in Vietnam write them: dd/MM/yyyy, times in Asia/Ho_Chi_Minh whatever the device's zone
 * (DESIGN.md: time zone Asia/Ho_Chi_Minh). The server sends dates as 'YYYY-MM-DD' and instants as ISO 8601.
 */
const TIME_ZONE = 'Asia/Ho_Chi_Minh';

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function zoned(instant: Date): Record<string, string> {
  const result: Record<string, string> = {};
  for (const part of parts.formatToParts(instant)) result[part.type] = part.value;
  return result;
}

/** 'YYYY-MM-DD' (or an ISO instant) → 'dd/MM/yyyy'; empty for nothing, the input itself when unreadable. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const plain = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (plain) return `${plain[3]}/${plain[2]}/${plain[1]}`;
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) return value;
  const p = zoned(instant);
  return `${p.day}/${p.month}/${p.year}`;
}

/** An ISO instant → 'dd/MM/yyyy HH:mm' in Vietnam's time. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '';
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) return value;
  const p = zoned(instant);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

/** 'dd/MM/yyyy' typed by a person → 'YYYY-MM-DD', or undefined when it is not a real date. */
export function parseDisplayDate(text: string): string | undefined {
  const match = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  if (!match) return undefined;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Today in Vietnam as 'YYYY-MM-DD'. */
export function todayIso(): string {
  const p = zoned(new Date());
  return `${p.year}-${p.month}-${p.day}`;
}
