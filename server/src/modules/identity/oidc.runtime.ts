/**
 * Loads oidc-provider once.
 *
 * oidc-provider 9 supports Node 22 and later; on Node 20 (which DA06 also runs on, and whose APIs it uses are all
 * present since 20.12: `crypto.hash`, `URL.parse`) it prints "Unsupported runtime" with console.warn while its module
 * is evaluated. That warning is dropped here, and only that one: console.warn is filtered for the duration of the
 * import and restored in `finally`. The test suite runs the provider on Node 20 end to end.
 */
import type * as OidcProviderModule from 'oidc-provider';

async function load(): Promise<typeof OidcProviderModule> {
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].includes('oidc-provider WARNING: Unsupported runtime')) return;
    warn.apply(console, args);
  };
  try {
    return await import('oidc-provider');
  } finally {
    console.warn = warn;
  }
}

const oidc = await load();

export const Provider = oidc.Provider;
export const oidcErrors = oidc.errors;
export const interactionPolicy = oidc.interactionPolicy;
