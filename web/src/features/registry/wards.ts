/**
 * Ward names for the ward codes on an account or a record, from the public unit look-up
 * (GET /api/v1/registry/units?code=…): codes were reused in the 2025 reorganisation, so a name is never hard-coded.
 */
import { useEffect, useState } from 'react';
import { api } from '../../api.ts';

interface UnitResolution {
  date: string;
  unit: { id: string; code: string; name: string; level: string; validFrom: string; validTo: string | null } | null;
  today: Array<{ id: string; code: string; name: string }>;
}

const cache = new Map<string, Promise<UnitResolution | undefined>>();

export function resolveUnit(code: string, date?: string): Promise<UnitResolution | undefined> {
  const key = `${code}@${date ?? ''}`;
  let pending = cache.get(key);
  if (!pending) {
    pending = api<UnitResolution>('/api/v1/registry/units', { query: { code, date } }).catch(() => {
      cache.delete(key);
      return undefined;
    });
    cache.set(key, pending);
  }
  return pending;
}

/** code → name for the given codes ('*' and unknown codes are left out: callers show the code). */
export function useWardNames(codes: readonly string[] | undefined): Record<string, string> {
  const [names, setNames] = useState<Record<string, string>>({});
  const key = (codes ?? []).join(',');
  useEffect(() => {
    let live = true;
    const wanted = key === '' ? [] : key.split(',').filter((code) => /^\d{5}$/.test(code));
    void Promise.all(wanted.map(async (code) => [code, (await resolveUnit(code))?.unit?.name] as const)).then((pairs) => {
      if (!live) return;
      const next: Record<string, string> = {};
      for (const [code, name] of pairs) if (name) next[code] = name;
      setNames(next);
    });
    return () => {
      live = false;
    };
  }, [key]);
  return names;
}
