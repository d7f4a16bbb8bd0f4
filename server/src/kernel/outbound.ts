/**
 * Messages to people outside the platform: one-time codes by SMS, reminders by e-mail.
 *
 * Senders are pluggable (an SMS gateway, an SMTP relay). The development sender keeps messages in an in-memory inbox
 * that tests and the demo read (`GET /api/dev/inbox`, only outside production), and logs that a message was sent
 * without its content or recipient in clear.
 */
import type { Clock } from './clock.ts';
import type { Logger } from './logger.ts';

export interface OutboundMessage {
  channel: 'sms' | 'email';
  /** Phone number or e-mail address. */
  to: string;
  subject?: string;
  body: string;
  /** What the message is about, for the inbox and logs ("otp", "plan.reminder"). */
  kind: string;
}

export interface SentMessage extends OutboundMessage {
  id: number;
  sentAt: Date;
}

export interface MessageSender {
  send(message: OutboundMessage): Promise<void>;
}

export interface DevInbox extends MessageSender {
  /** Messages sent, newest last; optionally only those to one recipient. */
  list(to?: string): SentMessage[];
  clear(): void;
}

export function createDevInbox(options: { logger: Logger; clock: Clock; capacity?: number }): DevInbox {
  const capacity = options.capacity ?? 1000;
  let messages: SentMessage[] = [];
  let nextId = 1;
  return {
    async send(message) {
      messages.push({ ...message, id: nextId++, sentAt: options.clock.now() });
      if (messages.length > capacity) messages = messages.slice(-capacity);
      options.logger.info({ channel: message.channel, kind: message.kind }, 'message placed in the development inbox');
    },
    list: (to) => (to === undefined ? [...messages] : messages.filter((message) => message.to === to)),
    clear: () => void (messages = []),
  };
}
