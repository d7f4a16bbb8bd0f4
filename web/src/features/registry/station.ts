/** What a verification station needs besides the API: the purpose it checks for, and how a scan becomes a request. */
import { useState } from 'react';
import { useSession } from '../identity/session.tsx';
import type { VerificationRequest } from './api.ts';
import { purposesFor } from './purposes.ts';

const PURPOSE_KEY = 'da06.verify.purpose';

/** What was scanned: the citizen app's code (DA06P:…) or a card's QR text. */
export function scanRequest(text: string, purpose: string): VerificationRequest {
  return text.startsWith('DA06P:') ? { appCode: text, purpose } : { qr: text, purpose };
}

export function useStationPurpose(storageKey = PURPOSE_KEY): [string | undefined, (purpose: string) => void, string[]] {
  const { session } = useSession();
  const allowed = purposesFor(session?.roles);
  const stored = (() => {
    try {
      return localStorage.getItem(storageKey) ?? undefined;
    } catch {
      return undefined;
    }
  })();
  const [purpose, setPurpose] = useState<string | undefined>(stored && allowed.includes(stored) ? stored : allowed[0]);
  const choose = (next: string) => {
    setPurpose(next);
    try {
      localStorage.setItem(storageKey, next);
    } catch {
      // Not remembered on this device; the choice still applies now.
    }
  };
  return [purpose, choose, allowed];
}

