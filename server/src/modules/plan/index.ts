/**
 * Module plan: the town's Project 06 plan (43 models, lead units, deadlines), monthly reports due before the 12th,
 * their consolidation by the standing agency, live figures and reminders. See README.md.
 */
import type { Clock } from '../../kernel/clock.ts';
import type { Database } from '../../kernel/db.ts';
import type { Logger } from '../../kernel/logger.ts';
import { migrationsDir, type PlatformModule } from '../../kernel/module.ts';
import type { MessageSender } from '../../kernel/outbound.ts';
import type { DocumentSettings } from './consolidated-report.ts';
import type { FigureProvider } from './figures.ts';
import { planRoutes } from './plan.routes.ts';
import { createPlanService, type PlanService } from './plan.service.ts';

export type { PlanService, ReminderRunResult } from './plan.service.ts';
export type { FigureProvider, LiveFigure, PlannedFigure } from './figures.ts';
export { PLANNED_FIGURES } from './figures.ts';
export type { DocumentSettings } from './consolidated-report.ts';
export { DEFAULT_DOCUMENT_SETTINGS } from './consolidated-report.ts';
export { reportDueAt, lastOnTimeDay } from './report-deadline.ts';

export const planMigrations = { module: 'plan', dir: migrationsDir(import.meta.url) };

/** How often reminders run in a server process; each run is idempotent, so several processes may run it. */
const DEFAULT_REMINDER_INTERVAL_MS = 60 * 60 * 1000;

export function createPlanModule(deps: {
  db: Database;
  clock: Clock;
  logger: Logger;
  sender: MessageSender;
  /** Live figures built by the composition root from other modules' services (the plan imports no module). */
  figureProviders: readonly FigureProvider[];
  documentSettings?: DocumentSettings;
  reminderIntervalMs?: number;
}): PlatformModule & { service: PlanService } {
  const service = createPlanService(deps);
  const interval = deps.reminderIntervalMs ?? DEFAULT_REMINDER_INTERVAL_MS;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;

  const tick = () => {
    running ??= service
      .runReminders()
      .catch((error: unknown) => deps.logger.error({ err: error }, 'plan reminders failed'))
      .finally(() => {
        running = undefined;
      });
  };

  return {
    name: 'plan',
    service,
    prepare: () => service.ready(),
    routes: planRoutes(service),
    async start() {
      tick();
      timer = setInterval(tick, interval);
      timer.unref();
    },
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
