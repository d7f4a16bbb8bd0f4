/**
 * When an identity card expires (pure).
 *
 * Luật Căn cước 26/2023/QH15 Điều 21 (as Luật CCCD 2014 Điều 21 before it): a card is renewed when its holder turns
 * 14, 25, 40 and 60; its expiry is that birthday. A card issued within the two years before one of these ages stays
 * valid until the next one, so a card issued after 58 never expires. Cards for children under 14 exist only since
 * 1 July 2024 (the Căn cước card).
 */

const RENEWAL_AGES = [14, 25, 40, 60] as const;
const GRACE_YEARS = 2;

function addYears(date: string, years: number): string {
  const year = Number(date.slice(0, 4)) + years;
  const monthDay = date.slice(5);
  // A 29 February birthday falls on 1 March in years without one (the day after 28 February).
  if (monthDay === '02-29' && !isLeapYear(year)) return `${year}-03-01`;
  return `${String(year).padStart(4, '0')}-${monthDay}`;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** The expiry date of a card issued on `issueDate` to a person born on `birthDate`; null when it never expires. */
export function cardExpiry(birthDate: string, issueDate: string): string | null {
  for (const age of RENEWAL_AGES) {
    const birthday = addYears(birthDate, age);
    if (issueDate < addYears(birthday, -GRACE_YEARS)) return birthday;
  }
  return null;
}

/** Age in whole years on a date. */
export function ageOn(birthDate: string, date: string): number {
  let age = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  if (date.slice(5) < birthDate.slice(5)) age -= 1;
  return age;
}

export function isExpired(expiryDate: string | null, today: string): boolean {
  return expiryDate !== null && expiryDate <= today;
}
