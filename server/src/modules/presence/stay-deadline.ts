/**
 * When an accommodation notice is due (pure).
 *
 * - Vietnamese guests, Luật Cư trú 68/2020/QH14 Điều 30 and Thông tư 55/2021/TT-BCA: before 23:00 of the day of
 *   arrival; a guest arriving at or after 23:00 is notified before 08:00 the next day.
 * - Foreign guests, Luật 47/2014/QH13 Điều 33: within 12 hours of arrival, 24 hours in remote areas.
 * Times are wall-clock times in Asia/Ho_Chi_Minh (UTC+07:00 all year). A late notice is accepted and marked late.
 */
import { VIETNAM_OFFSET_MS, vietnamDate, vietnamTime } from '../../kernel/clock.ts';

export interface DeadlineInput {
  arrivalAt: Date;
  foreigner: boolean;
  remoteArea?: boolean;
}

const HOUR = 3600_000;

export function stayDeadline(input: DeadlineInput): Date {
  if (input.foreigner) return new Date(input.arrivalAt.getTime() + (input.remoteArea ? 24 : 12) * HOUR);
  const day = vietnamDate(input.arrivalAt);
  const localHour = new Date(input.arrivalAt.getTime() + VIETNAM_OFFSET_MS).getUTCHours();
  if (localHour < 23) return vietnamTime(day, '23:00');
  const nextDay = vietnamDate(new Date(vietnamTime(day, '12:00').getTime() + 24 * HOUR));
  return vietnamTime(nextDay, '08:00');
}

/** "Before 23:00" is strict: a notice at 23:00:00 exactly is late. */
export function isLate(submittedAt: Date, deadline: Date): boolean {
  return submittedAt.getTime() >= deadline.getTime();
}
