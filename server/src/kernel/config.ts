/**
 * Configuration from environment variables.
 *
 * Every variable has a safe default for a developer's machine; a bad value stops start-up with one message that
 * lists every problem found, so an operator fixes them in one go instead of one restart per mistake.
 */
import path from 'node:path';

export type NodeEnv = 'development' | 'production' | 'test';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface Config {
  nodeEnv: NodeEnv;
  host: string;
  port: number;
  /** Where PGlite keeps its files (when DATABASE_URL is unset) and where signing keys are generated. */
  dataDir: string;
  /** PostgreSQL connection string; unset means the embedded PGlite database in dataDir. */
  databaseUrl: string | undefined;
  /** The address users reach the platform at; issuer of tokens and base of links. */
  publicUrl: string;
  logLevel: LogLevel;
  /** Largest accepted request body in bytes. */
  bodyLimit: number;
  /** A private ES256 key as JWK JSON; when unset, keys are generated into dataDir/keys on first start. */
  jwtPrivateJwk: string | undefined;
  /** Lifetime of access tokens printed by `da06 token`, in seconds. */
  tokenTtlSeconds: number;
  /** PostgreSQL pool size. */
  databasePoolSize: number;
  /** How long the audit writer gathers entries before writing one batch, in milliseconds. */
  auditFlushMs: number;
  /** Days stay notices and gate entries keep personal data before they are anonymised (configurable: the legal period). */
  stayRetentionDays: number;
  /** Number of residents the demo seed creates on first start of an empty database (0 disables the demo seed). */
  demoResidents: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Cấu hình không hợp lệ / invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

export function loadConfig(env: Env = process.env, cwd = process.cwd()): Config {
  const problems: string[] = [];
  const read = new EnvReader(env, problems);

  const nodeEnv = read.oneOf('NODE_ENV', ['development', 'production', 'test'] as const, 'development');
  const port = read.integer('PORT', 3000, { min: 0, max: 65535 });
  const host = read.string('HOST', '127.0.0.1');
  const databaseUrl = read.optionalUrl('DATABASE_URL', ['postgres:', 'postgresql:']);
  const publicUrl = read.url('PUBLIC_URL', `http://localhost:${port}`, ['http:', 'https:']).replace(/\/$/, '');
  const config: Config = {
    nodeEnv,
    host,
    port,
    dataDir: path.resolve(cwd, read.string('DATA_DIR', './data')),
    databaseUrl,
    publicUrl,
    logLevel: read.oneOf('LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, nodeEnv === 'test' ? 'silent' : 'info'),
    bodyLimit: read.integer('BODY_LIMIT', 1024 * 1024, { min: 1024, max: 64 * 1024 * 1024 }),
    jwtPrivateJwk: read.optionalJson('JWT_PRIVATE_JWK'),
    tokenTtlSeconds: read.integer('TOKEN_TTL_SECONDS', 12 * 3600, { min: 60, max: 30 * 24 * 3600 }),
    databasePoolSize: read.integer('DATABASE_POOL_SIZE', 20, { min: 1, max: 500 }),
    auditFlushMs: read.integer('AUDIT_FLUSH_MS', 4, { min: 0, max: 1000 }),
    stayRetentionDays: read.integer('STAY_RETENTION_DAYS', 730, { min: 1, max: 36_500 }),
    demoResidents: read.integer('DEMO_RESIDENTS', 160_000, { min: 0, max: 2_000_000 }),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

class EnvReader {
  constructor(
    private readonly env: Env,
    private readonly problems: string[],
  ) {}

  private raw(name: string): string | undefined {
    const value = this.env[name];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  }

  string(name: string, fallback: string): string {
    return this.raw(name) ?? fallback;
  }

  integer(name: string, fallback: number, range: { min: number; max: number }): number {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    if (!/^\d+$/.test(value) || Number(value) < range.min || Number(value) > range.max) {
      this.problems.push(`${name}="${value}" phải là số nguyên từ ${range.min} đến ${range.max} / must be an integer from ${range.min} to ${range.max}`);
      return fallback;
    }
    return Number(value);
  }

  oneOf<const T extends readonly string[]>(name: string, allowed: T, fallback: T[number]): T[number] {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    if (!allowed.includes(value)) {
      this.problems.push(`${name}="${value}" phải là một trong / must be one of: ${allowed.join(', ')}`);
      return fallback;
    }
    return value;
  }

  url(name: string, fallback: string, protocols: string[]): string {
    return this.optionalUrl(name, protocols) ?? fallback;
  }

  optionalUrl(name: string, protocols: string[]): string | undefined {
    const value = this.raw(name);
    if (value === undefined) return undefined;
    let parsed: URL | undefined;
    try {
      parsed = new URL(value);
    } catch {
      parsed = undefined;
    }
    if (!parsed || !protocols.includes(parsed.protocol)) {
      // The value may hold a password: name the variable, never echo it.
      this.problems.push(`${name} không phải địa chỉ ${protocols.join('/')} hợp lệ / is not a valid ${protocols.join(' or ')} URL`);
      return undefined;
    }
    return value;
  }

  optionalJson(name: string): string | undefined {
    const value = this.raw(name);
    if (value === undefined) return undefined;
    try {
      JSON.parse(value);
      return value;
    } catch {
      this.problems.push(`${name} không phải JSON hợp lệ / is not valid JSON`);
      return undefined;
    }
  }
}
