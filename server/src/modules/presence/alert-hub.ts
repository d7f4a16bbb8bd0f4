/**
 * Delivers alerts to the police screens that are connected now (server-sent events), within the second.
 *
 * Each process keeps its listeners by ward. An alert raised in this process is delivered at once after its commit;
 * on PostgreSQL it is also announced with NOTIFY (sent at commit), and every process LISTENs, so a police officer
 * connected to another process behind the load balancer gets it too. A process ignores its own announcements.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { Logger } from '../../kernel/logger.ts';
import { ALERT_CHANNEL } from './presence.repository.ts';

export interface AlertMessage {
  id: string;
  ruleId: string;
  ruleName: { vi: string; en: string };
  severity: string;
  policeWardCode: string;
  establishmentId: string;
  establishmentName: string;
  personId: string | null;
  personName: string | null;
  source: string;
  sourceId: string;
  raisedAt: string;
}

type Listener = (alert: AlertMessage) => void;

export interface AlertHub {
  readonly origin: string;
  /** Listens to the alerts of these wards ('*' = every ward); returns the function that stops listening. */
  subscribe(wards: string[], listener: Listener): () => void;
  /** Delivers alerts raised in this process (after their commit). */
  deliver(alerts: AlertMessage[]): void;
  /** Payloads for NOTIFY, tagged with this process so that it can ignore its own. */
  announce(alerts: AlertMessage[]): string[];
  listenTo(databaseUrl: string | undefined): Promise<void>;
  close(): Promise<void>;
  listenerCount(): number;
}

export function createAlertHub(logger: Logger): AlertHub {
  const origin = randomUUID();
  const listeners = new Set<{ wards: string[]; listener: Listener }>();
  let client: pg.Client | undefined;

  function deliver(alerts: AlertMessage[]) {
    for (const alert of alerts) {
      for (const { wards, listener } of listeners) {
        if (wards.includes('*') || wards.includes(alert.policeWardCode)) {
          try {
            listener(alert);
          } catch (error) {
            logger.warn({ err: error }, 'alert listener failed');
          }
        }
      }
    }
  }

  return {
    origin,
    subscribe(wards, listener) {
      const entry = { wards, listener };
      listeners.add(entry);
      return () => void listeners.delete(entry);
    },
    deliver,
    announce: (alerts) => alerts.map((alert) => JSON.stringify({ origin, alert })),
    async listenTo(databaseUrl) {
      if (!databaseUrl) return; // PGlite: one process, in-process delivery is enough
      client = new pg.Client({ connectionString: databaseUrl });
      client.on('error', (error) => logger.warn({ err: error }, 'alert listener connection failed'));
      client.on('notification', (message) => {
        if (message.channel !== ALERT_CHANNEL || !message.payload) return;
        try {
          const { origin: from, alert } = JSON.parse(message.payload) as { origin: string; alert: AlertMessage };
          if (from !== origin) deliver([alert]);
        } catch (error) {
          logger.warn({ err: error }, 'malformed alert notification');
        }
      });
      await client.connect();
      await client.query(`LISTEN ${ALERT_CHANNEL}`);
    },
    async close() {
      listeners.clear();
      await client?.end().catch(() => undefined);
    },
    listenerCount: () => listeners.size,
  };
}
