/**
 * The `da06` command line: `npm run da06 -- <command>`.
 *
 *   serve                 run the platform (migrates first)
 *   migrate               apply pending migrations and exit
 *   token --role R [--ward W ...] [--person ID] [--sub S] [--ttl SECONDS]
 *                         print an access token for scripts and tests
 *   audit verify          walk the audit chain; exit 1 naming the first broken link
 *   client add …          register an SSO relying party or an agency client (prints its secret once)
 */
import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { buildApp, type App } from './app.ts';
import { prepareDemo, seedDemoTown } from './demo.ts';
import type { Kernel } from './kernel/kernel.ts';
import { problemFor } from './kernel/http.ts';
import { DomainError } from './kernel/errors.ts';
import { parseCardQr } from './modules/registry/index.ts';
import { isRole, ROLES, type Role } from './kernel/auth.ts';
import { ConfigError, loadConfig, type Config } from './kernel/config.ts';
import { DataDirLockedError } from './kernel/data-dir-lock.ts';
import { MigrationError } from './kernel/migrations.ts';
import { migrateKernel, openKernel } from './platform.ts';
import { createModules } from './modules.ts';

const USAGE = `da06 <command>

  serve                         chạy nền tảng / run the platform
  migrate                       chạy migration rồi thoát / apply migrations and exit
  token --role R [--ward W]...  in mã truy cập / print an access token
        [--person ID] [--sub S] [--unit U] [--establishment E] [--ttl SECONDS]
  audit verify                  kiểm tra chuỗi nhật ký / verify the audit chain
  seed --residents N --seed S   tạo dân cư mẫu / generate the synthetic town
  qr parse '<qr string>'        đọc mã QR thẻ căn cước / parse an ID-card QR code
  client add --name N --kind relying_party|agency --purpose P
        [--redirect-uri U]... [--post-logout-uri U]... [--scope S]... [--subject pairwise|public]
        [--sector HOST] [--client-id ID] [--auth-method client_secret_basic|client_secret_post] [--ward W]...
                                đăng ký ứng dụng đăng nhập một lần / register an SSO relying party or agency client
`;

export class UsageError extends Error {}

export interface ServeOptions {
  /** Called once the app is built, before listening (the demo seed). */
  beforeListen?: (kernel: Kernel, app: App) => Promise<void>;
}

export async function serve(config: Config, options: ServeOptions = {}) {
  const kernel = await openKernel(config);
  try {
    await migrateKernel(kernel);
    const running = await buildApp(kernel);
    await options.beforeListen?.(kernel, running);
    await running.app.listen({ host: config.host, port: config.port });
    await running.start();
    const address = running.app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    kernel.logger.info({ database: kernel.db.engine, host: config.host, port }, 'DA06 listening');
    let closing = false;
    const shutdown = async (signal: string) => {
      if (closing) return;
      closing = true;
      kernel.logger.info({ signal }, 'shutting down');
      await running.close();
      await kernel.db.close();
      process.exit(0);
    };
    process.once('SIGINT', () => void shutdown('SIGINT'));
    process.once('SIGTERM', () => void shutdown('SIGTERM'));
    return { kernel, running, port };
  } catch (error) {
    await kernel.db.close();
    throw error;
  }
}

async function printToken(config: Config, args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      role: { type: 'string', multiple: true },
      ward: { type: 'string', multiple: true },
      person: { type: 'string' },
      sub: { type: 'string' },
      unit: { type: 'string' },
      establishment: { type: 'string' },
      ttl: { type: 'string' },
    },
  });
  const roles = values.role ?? [];
  if (roles.length === 0 || !roles.every(isRole)) throw new UsageError(`--role must be one of: ${ROLES.join(', ')}`);
  if (values.ttl !== undefined && !/^\d+$/.test(values.ttl)) throw new UsageError('--ttl must be a number of seconds');
  const wards = values.ward ?? [];
  if (!wards.every((ward) => ward === '*' || /^\d{5}$/.test(ward))) throw new UsageError('--ward must be a 5-digit ward code or *');
  if (values.person !== undefined && !/^\d{12}$/.test(values.person)) throw new UsageError('--person must be a 12-digit personal id');
  // Only the keys are needed: no database is opened, so this works while the server runs on PGlite.
  const { openKeyStore } = await import('./kernel/keys.ts');
  const { createTokenIssuer } = await import('./kernel/auth.ts');
  const { apiAudience, tokenIssuer } = await import('./kernel/kernel.ts');
  const keys = await openKeyStore({ dataDir: config.dataDir, configuredJwk: config.jwtPrivateJwk });
  const tokens = createTokenIssuer({ keys, issuer: tokenIssuer(config), audience: apiAudience(config), defaultTtlSeconds: config.tokenTtlSeconds });
  const token = await tokens.issue(
    {
      sub: values.sub ?? `cli:${roles.join('+')}`,
      roles: roles as Role[],
      wards,
      ...(values.person ? { personId: values.person } : {}),
      ...(values.unit ? { unitId: values.unit } : {}),
      ...(values.establishment ? { establishmentId: values.establishment } : {}),
    },
    values.ttl ? { ttlSeconds: Number(values.ttl) } : {},
  );
  process.stdout.write(`${token}\n`);
}

async function auditVerify(config: Config): Promise<number> {
  const kernel = await openKernel(config);
  try {
    await migrateKernel(kernel);
    const { services } = createModules(kernel);
    const result = await services.audit.verify();
    process.stdout.write(`${JSON.stringify(result)}\n`);
    if (result.ok) {
      process.stderr.write(`Chuỗi nhật ký toàn vẹn / audit chain intact: ${result.batches} batches, ${result.entries} entries.\n`);
      return 0;
    }
    process.stderr.write(`Chuỗi nhật ký bị phá vỡ tại lô ${result.batchId} / audit chain broken at batch ${result.batchId}: ${result.reason}\n`);
    return 1;
  } finally {
    await kernel.db.close();
  }
}

async function seedCommand(config: Config, args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { residents: { type: 'string', default: '160000' }, seed: { type: 'string', default: '20230806' } } });
  if (!/^\d+$/.test(values.residents!) || Number(values.residents) < 1 || Number(values.residents) > 5_000_000) throw new UsageError('--residents must be a number from 1 to 5,000,000');
  if (!/^\d+$/.test(values.seed!)) throw new UsageError('--seed must be a whole number');
  const kernel = await openKernel(config);
  try {
    await migrateKernel(kernel);
    const running = await buildApp(kernel, { webDist: false });
    await seedDemoTown(kernel, Number(values.residents), Number(values.seed));
    await running.close();
    return 0;
  } finally {
    await kernel.db.close();
  }
}

/** `da06 client add`: registers a relying party or an agency client; prints it and its secret (shown once) as JSON. */
async function clientAdd(config: Config, args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      name: { type: 'string' },
      kind: { type: 'string', default: 'relying_party' },
      purpose: { type: 'string' },
      'redirect-uri': { type: 'string', multiple: true },
      'post-logout-uri': { type: 'string', multiple: true },
      scope: { type: 'string', multiple: true },
      subject: { type: 'string' },
      sector: { type: 'string' },
      'client-id': { type: 'string' },
      'auth-method': { type: 'string' },
      ward: { type: 'string', multiple: true },
    },
  });
  if (!values.name || !values.purpose) throw new UsageError('client add needs --name and --purpose');
  if (values.kind !== 'relying_party' && values.kind !== 'agency') throw new UsageError('--kind must be relying_party or agency');
  if (values.subject !== undefined && values.subject !== 'pairwise' && values.subject !== 'public') throw new UsageError('--subject must be pairwise or public');
  if (values['auth-method'] !== undefined && values['auth-method'] !== 'client_secret_basic' && values['auth-method'] !== 'client_secret_post') {
    throw new UsageError('--auth-method must be client_secret_basic or client_secret_post');
  }
  const scopes = values.scope?.flatMap((scope) => scope.split(/[\s,]+/)).filter(Boolean);
  const kernel = await openKernel(config);
  try {
    await migrateKernel(kernel);
    const { services } = createModules(kernel);
    // The command line acts as the platform's administrator; the registration is audited under this actor.
    const actor = { kind: 'client' as const, id: 'da06-cli', roles: ['admin' as const], wards: ['*'], scopes: [] };
    const result = await services.identity.clients.register(
      actor,
      {
        clientRequestId: `cli-${randomUUID()}`,
        name: values.name,
        kind: values.kind,
        purpose: values.purpose,
        redirectUris: values['redirect-uri'],
        postLogoutRedirectUris: values['post-logout-uri'],
        scopes,
        subjectType: values.subject as 'pairwise' | 'public' | undefined,
        sectorIdentifier: values.sector,
        clientId: values['client-id'],
        tokenEndpointAuthMethod: values['auth-method'] as 'client_secret_basic' | 'client_secret_post' | undefined,
        wards: values.ward,
      },
      'cli',
    );
    await services.audit.flush();
    process.stdout.write(`${JSON.stringify({ ...result.client, clientSecret: result.clientSecret, issuer: `${config.publicUrl}/oidc` }, null, 2)}\n`);
    process.stderr.write('Bí mật chỉ hiện một lần: hãy lưu ngay / the secret is shown once: store it now.\n');
    return 0;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    process.stderr.write(`${JSON.stringify(problemFor(error, 'vi', 'cli', 'da06 client add'), null, 2)}\n`);
    return 1;
  } finally {
    await kernel.db.close();
  }
}

/** `da06 qr parse`: the parse as JSON on stdout, or a problem document and exit code 1 when it is not a card QR. */
function qrParse(raw: string): number {
  const parsed = parseCardQr(raw);
  if (!parsed.ok) {
    const problem = problemFor(new DomainError('QR_INVALID', { reasonVi: parsed.messages.vi, reasonEn: parsed.messages.en }, { parseCode: parsed.code }), 'vi', 'cli', 'da06 qr parse');
    process.stdout.write(`${JSON.stringify(problem, null, 2)}\n`);
    return 1;
  }
  const { card, findings } = parsed;
  const output = {
    personId: card.personId,
    oldId: card.oldId,
    fullName: card.fullName,
    birthDate: card.birthDate,
    sex: card.sex,
    address: card.address,
    issueDate: card.issueDate,
    extras: card.extras,
    variant: card.variant,
    findings,
  };
  process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
  return 0;
}

/** Runs one CLI command; returns the process exit code (-1 while `serve` keeps running). */
export async function runCli(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    const config = loadConfig();
    switch (command) {
      case 'serve':
        await serve(config, { beforeListen: prepareDemo });
        return -1; // keeps running
      case 'seed':
        return await seedCommand(config, rest);
      case 'qr':
        if (rest[0] === 'parse' && rest.length === 2) return qrParse(rest[1]!);
        throw new UsageError("usage: da06 qr parse '<qr string>'");
      case 'migrate': {
        const kernel = await openKernel(config);
        try {
          const applied = await migrateKernel(kernel);
          process.stderr.write(`${applied.length} migration(s) applied.\n`);
        } finally {
          await kernel.db.close();
        }
        return 0;
      }
      case 'token':
        await printToken(config, rest);
        return 0;
      case 'client':
        if (rest[0] === 'add') return await clientAdd(config, rest.slice(1));
        throw new UsageError('usage: da06 client add --name N --kind relying_party|agency --purpose P …');
      case 'audit':
        if (rest[0] === 'verify') return await auditVerify(config);
        throw new UsageError('usage: da06 audit verify');
      default:
        throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
    }
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof ConfigError || error instanceof DataDirLockedError || error instanceof MigrationError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const code = await runCli(process.argv.slice(2));
  if (code >= 0) process.exit(code);
}
