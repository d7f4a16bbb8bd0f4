/**
 * The part of oidc-provider 9's API that DA06 uses, typed by hand: the package ships no type declarations and the
 * DefinitelyTyped ones trail its releases. Shapes follow the library's source (lib/provider.js, lib/models/*.js).
 */
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  export interface AdapterPayload {
    [key: string]: unknown;
    grantId?: string;
    uid?: string;
    userCode?: string;
    consumed?: number;
  }

  export interface Adapter {
    upsert(id: string, payload: AdapterPayload, expiresIn: number | undefined): Promise<void>;
    find(id: string): Promise<AdapterPayload | undefined>;
    findByUserCode(userCode: string): Promise<AdapterPayload | undefined>;
    findByUid(uid: string): Promise<AdapterPayload | undefined>;
    consume(id: string): Promise<void>;
    destroy(id: string): Promise<void>;
    revokeByGrantId(grantId: string): Promise<void>;
  }

  export interface Client {
    clientId: string;
    clientName?: string;
    subjectType?: 'public' | 'pairwise';
    redirectUris: string[];
    clientSecret?: string;
    grantTypeAllowed(type: string): boolean;
    metadata(): Record<string, unknown>;
    compareClientSecret(actual: string): boolean | Promise<boolean>;
  }

  export interface Grant {
    jti: string;
    accountId?: string;
    clientId?: string;
    addOIDCScope(scope: string): void;
    addOIDCClaims(claims: string[]): void;
    addResourceScope(resource: string, scope: string): void;
    getOIDCScope(): string;
    getResourceScope(resource: string): string;
    save(): Promise<string>;
  }

  export interface ResourceServer {
    scope?: string;
    audience?: string;
    identifier(): string;
  }

  export interface Session {
    accountId?: string;
    acr?: string;
    amr?: string[];
    grantIdFor(clientId: string): string | undefined;
  }

  export interface InteractionResults {
    login?: { accountId: string; acr?: string; amr?: string[]; remember?: boolean; ts?: number };
    consent?: { grantId?: string };
    error?: string;
    error_description?: string;
    [key: string]: unknown;
  }

  export interface Interaction {
    uid: string;
    returnTo: string;
    grantId?: string;
    prompt: { name: string; reasons: string[]; details: Record<string, unknown> };
    params: Record<string, unknown> & { client_id: string; scope?: string; acr_values?: string; login_hint?: string; ui_locales?: string; redirect_uri?: string };
    session?: { accountId?: string; uid?: string; acr?: string; amr?: string[] };
    lastSubmission?: InteractionResults;
    result?: InteractionResults;
  }

  export interface TokenLike {
    kind?: string;
    accountId?: string;
    clientId?: string;
    client?: Client;
    scope?: string;
    grantId?: string;
    gty?: string;
    resourceServer?: ResourceServer;
    acr?: string;
    amr?: string[];
  }

  export interface OIDCContext {
    client?: Client;
    session?: Session;
    params?: Record<string, unknown>;
    entities: Record<string, (TokenLike & { acr?: string; amr?: string[]; getOIDCScope?: () => string }) | undefined>;
    acr?: string;
    route: string;
    result?: InteractionResults;
    requestParamOIDCScopes: Set<string>;
    resourceServers: Record<string, ResourceServer>;
    provider: Provider;
    issuer: string;
  }

  export interface KoaContextWithOIDC {
    oidc: OIDCContext;
    body: unknown;
    type: string;
    status: number;
    host: string;
    req: IncomingMessage;
    res: ServerResponse;
    get(header: string): string;
    set(header: string, value: string): void;
  }

  export interface Account {
    accountId: string;
    claims(use: 'id_token' | 'userinfo', scope: string, claims: Record<string, unknown>, rejected: string[]): Promise<Record<string, unknown>>;
  }

  export interface ErrorOut {
    error: string;
    error_description?: string;
    [key: string]: unknown;
  }

  export class OIDCProviderError extends Error {
    error: string;
    error_description?: string;
    status: number;
    statusCode: number;
    constructor(description?: string);
  }

  export const errors: {
    OIDCProviderError: typeof OIDCProviderError;
    InvalidGrant: typeof OIDCProviderError;
    InvalidTarget: typeof OIDCProviderError;
    InvalidRequest: typeof OIDCProviderError;
    AccessDenied: typeof OIDCProviderError;
    SessionNotFound: typeof OIDCProviderError;
  };

  export class Check {
    constructor(reason: string, description: string, check: (ctx: KoaContextWithOIDC) => boolean | Promise<boolean>);
    static REQUEST_PROMPT: true;
    static NO_NEED_TO_PROMPT: false;
  }

  export interface Prompt {
    name: string;
    checks: Check[] & { add?: (check: Check, index?: number) => void };
  }

  export interface Policy extends Array<Prompt> {
    get(name: string): Prompt | undefined;
  }

  export const interactionPolicy: {
    Check: typeof Check;
    base(): Policy;
  };

  export type Configuration = Record<string, unknown>;

  export class Provider {
    constructor(issuer: string, configuration: Configuration);
    issuer: string;
    proxy: boolean;
    Client: { prototype: Client };
    Grant: { new (input: { accountId: string; clientId: string }): Grant; find(id: string): Promise<Grant | undefined> };
    callback(): (req: IncomingMessage, res: ServerResponse) => Promise<void>;
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<Interaction>;
    interactionResult(req: IncomingMessage, res: ServerResponse, result: InteractionResults, options?: { mergeWithLastSubmission?: boolean }): Promise<string>;
    on(event: string, listener: (...args: unknown[]) => void): this;
    urlFor(name: string): string;
  }

  export default Provider;
}
