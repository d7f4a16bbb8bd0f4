/**
 * The composition root: kernel plugins, then every module from modules.ts. No business rule lives here.
 */
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance, type FastifyRequest } from 'fastify';
import middie from '@fastify/middie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { Type } from 'typebox';
import type { Actor } from './kernel/auth.ts';
import { DomainError, KernelErrors, findErrorDefinition, listErrorDefinitions } from './kernel/errors.ts';
import { installHttpKernel, requestIdFor, type RouteInfo } from './kernel/http.ts';
import type { Kernel } from './kernel/kernel.ts';
import { pendingMigrations } from './kernel/migrations.ts';
import { createModules, type Services } from './modules.ts';
import type { PlatformModule } from './kernel/module.ts';

export const WEB_DIST = path.resolve(import.meta.dirname, '../../web/dist');
const VERSION = '0.1.0';

export interface App {
  app: FastifyInstance;
  routes: RouteInfo[];
  modules: PlatformModule[];
  services: Services;
  /** Starts the modules' background work. */
  start(): Promise<void>;
  /** Stops background work, closes the HTTP server; the database stays open (the kernel owns it). */
  close(): Promise<void>;
}

export interface BuildAppOptions {
  /** `false` serves no web app (the API alone, as in the HTTP tests). */
  webDist?: string | false;
  /** Routes added beside the platform's own (benchmarks compare a bare route in the same server). */
  extraRoutes?: (app: FastifyInstance) => void;
}

export async function buildApp(kernel: Kernel, options: BuildAppOptions = {}): Promise<App> {
  const { config } = kernel;
  const app = Fastify({
    loggerInstance: kernel.logger as FastifyBaseLogger,
    bodyLimit: config.bodyLimit,
    genReqId: (request) => requestIdFor(request.headers['x-request-id']),
    // Per-request lines only when debugging: at info level a busy server would log every scan at a counter.
    logController: new LogController({ requestIdLogLabel: 'requestId', disableRequestLogging: config.logLevel !== 'debug' && config.logLevel !== 'trace' }),
    trustProxy: false,
    routerOptions: { maxParamLength: 200 },
  });
  // The web app's session cookie is checked by the identity module, created below with the other modules.
  const session: { actor?: (request: FastifyRequest) => Promise<Actor | undefined> } = {};
  const routes = installHttpKernel(app, { tokens: kernel.tokens, bodyLimit: config.bodyLimit, sessionActor: async (request) => session.actor?.(request) });
  // The OpenID provider is a Node request handler (oidc-provider on Koa), mounted under /oidc with middie.
  await app.register(middie);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'DA06 API',
        version: VERSION,
        description:
          'Nền tảng số Đề án 06 của thị xã: dữ liệu dân cư, định danh và xác thực điện tử, 43 mô hình.\n\n' +
          'The Project 06 platform of a Vietnamese town. Errors are RFC 9457 problem documents; every personal-data read is audited.',
      },
      components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  registerKernelRoutes(app, kernel);

  const { modules, services, identityWeb } = createModules(kernel);
  for (const module of modules) await module.prepare?.();
  for (const module of modules) {
    if (module.routes) await app.register(module.routes, { prefix: `/api/v1/${module.name}` });
  }
  session.actor = identityWeb.sessionActor;
  app.use('/oidc', identityWeb.handleOidc);
  await app.register(identityWeb.routes);

  options.extraRoutes?.(app);
  await registerWebApp(app, options.webDist ?? WEB_DIST);

  await app.ready();
  let started = false;
  return {
    app,
    routes,
    modules,
    services,
    async start() {
      for (const module of modules) await module.start?.();
      kernel.outbox.start();
      started = true;
    },
    async close() {
      await app.close();
      if (started) await kernel.outbox.stop();
      for (const module of [...modules].reverse()) await module.stop?.();
    },
  };
}

function registerKernelRoutes(app: FastifyInstance, kernel: Kernel) {
  const publicAccess = { access: { public: true as const } };

  app.get('/healthz', { config: publicAccess, schema: { summary: 'Tiến trình đang chạy / process is up', tags: ['health'], response: { 200: Type.Object({ status: Type.Literal('ok') }) } } }, async () => ({
    status: 'ok' as const,
  }));

  app.get(
    '/readyz',
    {
      config: publicAccess,
      schema: {
        summary: 'Sẵn sàng phục vụ: cơ sở dữ liệu và migration / ready: database reachable, migrations applied',
        tags: ['health'],
        response: { 200: Type.Object({ status: Type.Literal('ready'), database: Type.String(), migrations: Type.Integer() }) },
      },
    },
    async () => {
      try {
        await kernel.db.query('SELECT 1');
      } catch {
        throw new DomainError(KernelErrors.NOT_READY, { reason: 'database unreachable' });
      }
      let pending: string[];
      try {
        pending = await pendingMigrations(kernel.db, kernel.migrations);
      } catch (error) {
        throw new DomainError(KernelErrors.NOT_READY, { reason: (error as Error).message.slice(0, 300) });
      }
      if (pending.length > 0) throw new DomainError(KernelErrors.NOT_READY, { reason: `${pending.length} migrations pending` });
      return { status: 'ready' as const, database: kernel.db.engine, migrations: kernel.migrations.length };
    },
  );

  if (kernel.devInbox) {
    const inbox = kernel.devInbox;
    const Message = Type.Object({ id: Type.Integer(), channel: Type.String(), to: Type.String(), subject: Type.Optional(Type.String()), body: Type.String(), kind: Type.String(), sentAt: Type.String() });
    app.get<{ Querystring: { to?: string } }>(
      '/api/dev/inbox',
      {
        config: publicAccess,
        schema: {
          summary: 'Hộp thư thử nghiệm (không có khi chạy production) / development inbox (absent in production)',
          tags: ['health'],
          querystring: Type.Object({ to: Type.Optional(Type.String({ maxLength: 200 })) }),
          response: { 200: Type.Array(Message) },
        },
      },
      async (request) => inbox.list(request.query.to).map((message) => ({ ...message, sentAt: message.sentAt.toISOString() })),
    );
  }

  app.get('/api/openapi.json', { config: publicAccess, schema: { hide: true } }, async () => app.swagger());

  const ProblemType = Type.Object({ code: Type.String(), status: Type.Integer(), vi: Type.String(), en: Type.String() });
  app.get(
    '/api/problems',
    { config: publicAccess, schema: { summary: 'Danh mục mã lỗi / catalogue of problem types', tags: ['health'], response: { 200: Type.Array(ProblemType) } } },
    async () => listErrorDefinitions().map(([code, definition]) => ({ code, status: definition.status, vi: definition.vi, en: definition.en })),
  );
  app.get<{ Params: { code: string } }>(
    '/api/problems/:code',
    {
      config: publicAccess,
      schema: {
        summary: 'Một loại lỗi (RFC 9457 "type") / one problem type',
        tags: ['health'],
        params: Type.Object({ code: Type.String({ pattern: '^[A-Z0-9_]{1,80}$' }) }),
        response: { 200: ProblemType },
      },
    },
    async (request) => {
      const definition = findErrorDefinition(request.params.code);
      if (!definition) throw new DomainError(KernelErrors.ROUTE_NOT_FOUND, { method: 'GET', path: `/api/problems/${request.params.code}` });
      return { code: request.params.code, status: definition.status, vi: definition.vi, en: definition.en };
    },
  );
}

/**
 * Serves the built web app: files from web/dist, and index.html for the app's own client-side routes. Paths under
 * /api and /oidc never fall back to the app: an unknown API path is a 404 problem document.
 */
async function registerWebApp(app: FastifyInstance, webDist: string | false) {
  const index = webDist ? path.join(webDist, 'index.html') : undefined;
  if (!webDist || !index || !fs.existsSync(index)) {
    app.get('/', { config: { access: { public: true } }, schema: { hide: true } }, async (_request, reply) =>
      reply
        .type('text/html; charset=utf-8')
        .send('<!doctype html><html lang="vi"><meta charset="utf-8"><title>DA06</title><p>DA06 API. Giao diện web chưa được dựng (npm run build:web). <a href="/api/docs">/api/docs</a></p></html>'),
    );
    return;
  }
  await app.register(fastifyStatic, { root: webDist, serve: false });
  app.get<{ Params: { '*': string } }>('/*', { config: { access: { public: true } }, schema: { hide: true } }, async (request, reply) => {
    const requested = request.params['*'] ?? '';
    if (/^(api|oidc)(\/|$)/.test(requested)) {
      throw new DomainError(KernelErrors.ROUTE_NOT_FOUND, { method: request.method, path: `/${requested}`.slice(0, 200) });
    }
    const file = path.join(webDist, path.normalize(`/${requested}`));
    if (requested !== '' && file.startsWith(webDist) && fs.existsSync(file) && fs.statSync(file).isFile()) {
      const immutable = requested.startsWith('assets/');
      return reply.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache').sendFile(path.relative(webDist, file));
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
