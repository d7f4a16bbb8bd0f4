/**
 * Who is signed in, from the server's session (GET /auth/session): the browser only ever sees this summary and the
 * CSRF token, never an access token. Sign-in and sign-out are full-page navigations through the server.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiProblem, currentPath, setCsrfToken, signInUrl } from '../../api.ts';
import type { Role } from './roles.ts';

export interface Session {
  authenticated: boolean;
  accountId?: string;
  kind?: 'citizen' | 'staff' | 'business' | string;
  displayName?: string;
  roles?: Role[];
  wards?: string[];
  eIdLevel?: number | null;
  acr?: string | null;
  csrfToken?: string;
  expiresAt?: string;
}

interface SessionState {
  /** undefined while the first answer is awaited. */
  session: Session | undefined;
  error: ApiProblem | undefined;
  refresh(): Promise<void>;
  signIn(returnTo?: string, options?: { acr?: '2' }): void;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionState | undefined>(undefined);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | undefined>();
  const [error, setError] = useState<ApiProblem | undefined>();

  const refresh = useCallback(async () => {
    try {
      const next = await api<Session>('/auth/session', { allowUnauthenticated: true });
      setCsrfToken(next.csrfToken);
      setSession(next);
      setError(undefined);
    } catch (caught) {
      setCsrfToken(undefined);
      setSession({ authenticated: false });
      setError(caught instanceof ApiProblem ? caught : new ApiProblem(0, { code: 'NETWORK_ERROR' }));
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const signIn = useCallback((returnTo: string = currentPath(), options: { acr?: '2' } = {}) => {
    window.location.assign(signInUrl(returnTo, options));
  }, []);

  const signOut = useCallback(async () => {
    const result = await api<{ signedOut: boolean; endSessionUrl: string | null }>('/auth/logout', { method: 'POST', allowUnauthenticated: true });
    setCsrfToken(undefined);
    setSession({ authenticated: false });
    // Ending the provider's session too matters on shared computers: otherwise the next "Đăng nhập" signs the
    // previous person straight back in.
    window.location.assign(result.endSessionUrl ?? '/');
  }, []);

  const value = useMemo(() => ({ session, error, refresh, signIn, signOut }), [session, error, refresh, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside SessionProvider');
  return state;
}
