/**
 * The offline queue (outbox.ts) for a screen: its items for this account, the browser's view of the network, and the
 * triggers that send — at once when something is queued, when the browser says it is back online, when the tab
 * comes back to the foreground, and every 15 s while something waits.
 */
import { useCallback, useEffect, useState } from 'react';
import { flushOutbox, loadOutbox, onOutboxChange, OUTBOX_STORAGE_KEY, outboxIsPersistent, unsent, type OutboxItem } from './outbox.ts';

const RETRY_EVERY_MS = 15_000;

export function useOutbox(owner: string | undefined) {
  const [items, setItems] = useState<OutboxItem[]>(() => (owner ? loadOutbox().filter((item) => item.owner === owner) : []));
  const [online, setOnline] = useState(() => navigator.onLine);
  const [sending, setSending] = useState(false);

  const refresh = useCallback(() => setItems(owner ? loadOutbox().filter((item) => item.owner === owner) : []), [owner]);

  const flush = useCallback(
    async (force = false) => {
      if (!owner) return;
      setSending(true);
      try {
        await flushOutbox(owner, { force });
      } finally {
        setSending(false);
        refresh();
      }
    },
    [owner, refresh],
  );

  useEffect(() => {
    refresh();
    const stopListening = onOutboxChange(refresh);
    const fromOtherTab = (event: StorageEvent) => event.key === OUTBOX_STORAGE_KEY && refresh();
    const back = () => {
      setOnline(true);
      void flush(true);
    };
    const gone = () => setOnline(false);
    const visible = () => document.visibilityState === 'visible' && void flush();
    window.addEventListener('storage', fromOtherTab);
    window.addEventListener('online', back);
    window.addEventListener('offline', gone);
    document.addEventListener('visibilitychange', visible);
    // Whatever a previous visit left waiting goes now, backoff or not: a page load is a one-off, and a notice that
    // waited for sign-in is due exactly when the operator comes back signed in.
    void flush(true);
    return () => {
      stopListening();
      window.removeEventListener('storage', fromOtherTab);
      window.removeEventListener('online', back);
      window.removeEventListener('offline', gone);
      document.removeEventListener('visibilitychange', visible);
    };
  }, [refresh, flush]);

  const waiting = unsent(items).length;
  useEffect(() => {
    if (waiting === 0) return;
    // `online` events are missed on some networks (captive portals, a router that drops upstream): poll as well.
    const timer = window.setInterval(() => void flush(), RETRY_EVERY_MS);
    return () => window.clearInterval(timer);
  }, [waiting, flush]);

  return { items, online, sending, waiting, persistent: outboxIsPersistent(), flush, refresh };
}
