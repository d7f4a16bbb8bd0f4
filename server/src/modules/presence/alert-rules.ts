/**
 * Alert rules as data (pure): a rule is a condition over the facts of a stay, an entry or a boarding, stored in
 * presence.alert_rule, so the police add a rule without code. The language is small on purpose:
 *
 *   { "fact": "wanted", "equals": true }
 *   { "fact": "verification", "in": ["card_revoked", "deceased"] }
 *   { "fact": "age", "lt": 16 }                       (gt, gte, lt, lte for numbers)
 *   { "all": [ … ] }   { "any": [ … ] }   { "not": … }
 *
 * Facts (see AlertFacts) are computed by the platform; a condition naming an unknown fact or operator is refused
 * when the rule is saved, never at matching time.
 */

export const ALERT_FACTS = {
  wanted: 'boolean',
  wantedReason: 'string',
  verification: 'string',
  personStatus: 'string',
  age: 'number',
  sex: 'string',
  nationality: 'string',
  foreigner: 'boolean',
  establishmentKind: 'string',
  source: 'string',
  localHour: 'number',
} as const;
export type AlertFactName = keyof typeof ALERT_FACTS;
export type AlertFacts = { [K in AlertFactName]?: (typeof ALERT_FACTS)[K] extends 'boolean' ? boolean : (typeof ALERT_FACTS)[K] extends 'number' ? number : string | null };

export type Condition =
  | { fact: AlertFactName; equals: string | number | boolean }
  | { fact: AlertFactName; in: Array<string | number> }
  | { fact: AlertFactName; gt?: number; gte?: number; lt?: number; lte?: number }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

const COMPARATORS = ['gt', 'gte', 'lt', 'lte'] as const;

/** Checks that `value` is a well-formed condition; returns the problems found (empty when valid). */
export function validateCondition(value: unknown, path = 'condition', depth = 0): string[] {
  if (depth > 8) return [`${path}: nested too deeply`];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [`${path}: must be an object`];
  const node = value as Record<string, unknown>;
  const keys = Object.keys(node);
  for (const combinator of ['all', 'any'] as const) {
    if (combinator in node) {
      if (keys.length !== 1) return [`${path}: "${combinator}" stands alone`];
      const items = node[combinator];
      if (!Array.isArray(items) || items.length === 0 || items.length > 20) return [`${path}.${combinator}: 1 to 20 conditions`];
      return items.flatMap((item, index) => validateCondition(item, `${path}.${combinator}[${index}]`, depth + 1));
    }
  }
  if ('not' in node) return keys.length === 1 ? validateCondition(node.not, `${path}.not`, depth + 1) : [`${path}: "not" stands alone`];
  const fact = node.fact;
  if (typeof fact !== 'string' || !(fact in ALERT_FACTS)) return [`${path}.fact: one of ${Object.keys(ALERT_FACTS).join(', ')}`];
  const type = ALERT_FACTS[fact as AlertFactName];
  const operators = keys.filter((key) => key !== 'fact');
  if (operators.length === 0) return [`${path}: needs an operator (equals, in, gt, gte, lt, lte)`];
  const problems: string[] = [];
  for (const operator of operators) {
    const operand = node[operator];
    if (operator === 'equals') {
      if (typeof operand !== type) problems.push(`${path}.equals: must be a ${type}`);
    } else if (operator === 'in') {
      if (!Array.isArray(operand) || operand.length === 0 || operand.length > 50 || operand.some((item) => typeof item !== type)) problems.push(`${path}.in: 1 to 50 values of type ${type}`);
    } else if ((COMPARATORS as readonly string[]).includes(operator)) {
      if (type !== 'number' || typeof operand !== 'number') problems.push(`${path}.${operator}: only for numeric facts, with a number`);
    } else {
      problems.push(`${path}.${operator}: unknown operator`);
    }
  }
  if (operators.includes('equals') && operators.length > 1) problems.push(`${path}: "equals" stands alone`);
  return problems;
}

export function matches(condition: Condition, facts: AlertFacts): boolean {
  if ('all' in condition) return condition.all.every((item) => matches(item, facts));
  if ('any' in condition) return condition.any.some((item) => matches(item, facts));
  if ('not' in condition) return !matches(condition.not, facts);
  const value = facts[condition.fact];
  if (value === undefined || value === null) return false;
  if ('equals' in condition) return value === condition.equals;
  if ('in' in condition) return (condition.in as unknown[]).includes(value);
  if (typeof value !== 'number') return false;
  const range = condition as { gt?: number; gte?: number; lt?: number; lte?: number };
  return (
    (range.gt === undefined || value > range.gt) &&
    (range.gte === undefined || value >= range.gte) &&
    (range.lt === undefined || value < range.lt) &&
    (range.lte === undefined || value <= range.lte)
  );
}
