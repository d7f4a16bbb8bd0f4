/**
 * Time, injectable so that deadlines and retention can be tested with a fake clock.
 *
 * Vietnam keeps UTC+07:00 all year (no daylight saving since 1975), so local dates in Asia/Ho_Chi_Minh are computed
 * with a fixed offset.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export interface FakeClock extends Clock {
  set(at: Date | string): void;
  advance(milliseconds: number): void;
}

export function fakeClock(start: Date | string): FakeClock {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set: (at) => void (current = new Date(at)),
    advance: (milliseconds) => void (current = new Date(current.getTime() + milliseconds)),
  };
}

export const VIETNAM_OFFSET_MS = 7 * 3600 * 1000;
export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** The calendar date ("YYYY-MM-DD") of an instant in Vietnam. */
export function vietnamDate(at: Date): string {
  return new Date(at.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant of a wall-clock time in Vietnam: vietnamTime('2026-03-01', '23:00'). */
export function vietnamTime(date: string, time = '00:00'): Date {
  return new Date(`${date}T${time.length === 5 ? `${time}:00` : time}+07:00`);
}
