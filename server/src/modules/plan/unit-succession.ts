/**
 * Who leads a model in a given month, across the reorganisations of the town's offices.
 *
 * Rules:
 * - a model's lead assignments form a history (valid from a month); the plan's August 2023 assignment is the first;
 * - a unit that was renamed, merged into or absorbed by exactly one successor hands its models to that successor from
 *   the succession's effective date; only successions an administrator has confirmed count (the 2025 ones we seed
 *   are proposals, see plan-data.ts);
 * - a unit split into several successors hands over nothing by itself: which successor takes which model is a
 *   decision, recorded as a new lead assignment;
 * - the responsible unit for the report on month M is the one in charge on the last on-time day of the report
 *   (the 11th of M+1): whoever exists when the report is due answers for it.
 */
import type { SuccessionKind } from './plan-data.ts';
import { compareMonths, lastOnTimeDay, type Month } from './report-deadline.ts';

export interface SuccessionLink {
  predecessorId: string;
  successorId: string;
  effectiveOn: string;
  kind: SuccessionKind;
  confirmed: boolean;
}

export interface LeadAssignment {
  unitId: string;
  validFrom: Month;
}

const HANDING_OVER: ReadonlySet<SuccessionKind> = new Set(['renamed', 'merged_into', 'absorbed_by']);

export interface ResolvedUnit {
  unitId: string;
  /** The units passed through, first the assigned one. */
  path: string[];
  /** True when the chain stops at a unit that was split: a new lead assignment is needed. */
  awaitingReassignment: boolean;
}

/** Follows confirmed successions in effect on `onDay` ("YYYY-MM-DD") from a unit to the one that exists then. */
export function resolveSuccessor(unitId: string, onDay: string, links: readonly SuccessionLink[]): ResolvedUnit {
  const path = [unitId];
  let current = unitId;
  for (;;) {
    const outgoing = links.filter((link) => link.confirmed && link.predecessorId === current && link.effectiveOn <= onDay);
    if (outgoing.length === 0) return { unitId: current, path, awaitingReassignment: false };
    const handing = outgoing.filter((link) => HANDING_OVER.has(link.kind));
    if (handing.length !== 1 || outgoing.length !== 1) return { unitId: current, path, awaitingReassignment: true };
    const next = handing[0]!.successorId;
    if (path.includes(next)) return { unitId: current, path, awaitingReassignment: true };
    path.push(next);
    current = next;
  }
}

/** The assignment in force for a month: the latest whose first month is not after it. */
export function assignmentFor(assignments: readonly LeadAssignment[], month: Month): LeadAssignment | undefined {
  let found: LeadAssignment | undefined;
  for (const assignment of assignments) {
    if (compareMonths(assignment.validFrom, month) <= 0 && (!found || compareMonths(assignment.validFrom, found.validFrom) >= 0)) found = assignment;
  }
  return found;
}

/** The unit responsible for a model's report on `month`. */
export function responsibleUnit(assignments: readonly LeadAssignment[], links: readonly SuccessionLink[], month: Month): ResolvedUnit | undefined {
  const assignment = assignmentFor(assignments, month);
  return assignment ? resolveSuccessor(assignment.unitId, lastOnTimeDay(month), links) : undefined;
}
