/**
 * What a module gives the composition root (app.ts): its name (= its PostgreSQL schema), where its migrations are,
 * its routes, and optional background work. Modules are wired explicitly in modules.ts, in dependency order.
 */
import type { FastifyInstance } from 'fastify';

export interface PlatformModule {
  name: string;
  /** Idempotent start-up work after migrations, before routes serve (reference data kept in code). */
  prepare?: () => Promise<void>;
  /** Registers the module's routes (prefixed by the app with /api/v1/<name>). */
  routes?: (app: FastifyInstance) => Promise<void>;
  /** Starts background work (dispatch handlers, schedulers) once the server listens. */
  start?: () => void | Promise<void>;
  stop?: () => Promise<void>;
}

/** The folder holding a module's migrations, given the module's index.ts URL. */
export function migrationsDir(moduleUrl: string): string {
  return new URL('./migrations', moduleUrl).pathname;
}
