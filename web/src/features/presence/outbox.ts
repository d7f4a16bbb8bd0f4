/**
 * The operator's offline queue: stay notices (and check-outs) are written to this device first and sent from here,
 * so that a hotel desk, a rental house or a bus keeps notifying when the network drops.
 *
 * Rules:
 * - every notice gets its `requestId` once, when it is queued, and keeps it through every resend: the server stores a
 *   notice under (establishment, requestId), so a resend after a lost answer gets the first receipt back and never
 *   doubles a stay (presence README, "Idempotency");
 * - the queue lives in localStorage (synchronous, survives a reload or a closed tab, and other tabs hear changes
 *   through the `storage` event); a notice is at most 80 guests, far below the storage quota;
 * - items belong to the account that queued them: a shared desk computer never sends one operator's notices with
 *   another's session;
 * - a network failure, a 5xx, 408 or 429 leaves the item pending and schedules a retry with growing waits (5 s to
 *   1 min); a 401 (session ended) or a refused CSRF token waits for sign-in; any other refusal (4xx) is final and
 *   shown with the server's explanation: the operator corrects the notice and queues it again;
 * - items are sent oldest first and one at a time: a dead network is found on the first failure, not once per item;
 * - what the queue holds of guests (QR text, particulars, passports) is personal data: it is deleted as soon as the
 *   receipt arrives; receipts are kept for the day so the desk can show them again, at most 30.
 */
import { ApiProblem, newRequestId, type ProblemDocument } from '../../api.ts';
import { presenceApi, type Receipt, type StayNoticeRequest } from './api.ts';

export type OutboxState = 'pending' | 'sending' | 'sent' | 'failed' | 'signin';

export interface NoticeSummary {
  guests: number;
  /** What the operator saw when adding the guests (name from the card or typed; "app code" for the app). */
  labels: string[];
  room?: string;
  trip?: string;
}

interface ItemBase {
  /** The request id: the queue's key and the server's idempotency key. */
  id: string;
  owner: string;
  createdAt: string;
  state: OutboxState;
  attempts: number;
  lastAttemptAt?: string;
  nextAttemptAt?: string;
  /** The last refusal or failure, as the server explained it. */
  problem?: ProblemDocument & { status: number };
  sentAt?: string;
}

export interface NoticeItem extends ItemBase {
  kind: 'notice';
  /** Dropped once the notice is sent (personal data). */
  body?: StayNoticeRequest;
  summary: NoticeSummary;
  receipt?: Receipt;
}

export interface CheckOutItem extends ItemBase {
  kind: 'checkout';
  stayId: string;
  guestName: string;
  /** The moment the operator pressed "check out", sent as such: a late send still records the real departure. */
  at: string;
}

export type OutboxItem = NoticeItem | CheckOutItem;

const STORAGE_KEY = 'da06.presence.outbox.v1';
const KEEP_SENT_MS = 24 * 3600_000;
const KEEP_SENT_MAX = 30;
const RETRY_BASE_MS = 5_000;
const RETRY_MAX_MS = 60_000;
/** An item left "sending" by a closed tab is taken up again after this (its request id makes a resend safe). */
const STALE_SENDING_MS = 30_000;

/** Set when the browser refuses storage (private window, full quota): the queue then lives in this page only. */
let memory: OutboxItem[] | undefined;

export function outboxIsPersistent(): boolean {
  return memory === undefined;
}

export function loadOutbox(): OutboxItem[] {
  if (memory) return memory;
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    const parsed = raw ? (JSON.parse(raw) as unknown) : [];
    return Array.isArray(parsed) ? (parsed as OutboxItem[]) : [];
  } catch {
    return [];
  }
}

function saveOutbox(items: OutboxItem[]): void {
  const now = Date.now();
  const sent = items.filter((item) => item.state === 'sent').sort((a, b) => (b.sentAt ?? '').localeCompare(a.sentAt ?? ''));
  const keepSent = new Set(sent.filter((item) => now - Date.parse(item.sentAt ?? item.createdAt) < KEEP_SENT_MS).slice(0, KEEP_SENT_MAX).map((item) => item.id));
  const kept = items.filter((item) => item.state !== 'sent' || keepSent.has(item.id));
  if (memory) memory = kept;
  else {
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(kept));
    } catch {
      // Storage full or refused: the queue keeps working for this page, and the screen says it would not survive
      // closing the tab.
      memory = kept;
    }
  }
  for (const listener of listeners) listener();
}

const listeners = new Set<() => void>();

/** Called after every change this page makes (other pages' changes arrive as `storage` events). */
export function onOutboxChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

export const OUTBOX_STORAGE_KEY = STORAGE_KEY;

function update(id: string, change: (item: OutboxItem) => OutboxItem | undefined): void {
  const items = loadOutbox();
  const next: OutboxItem[] = [];
  for (const item of items) {
    if (item.id !== id) next.push(item);
    else {
      const changed = change(item);
      if (changed) next.push(changed);
    }
  }
  saveOutbox(next);
}

export function enqueueNotice(owner: string, body: Omit<StayNoticeRequest, 'requestId'>, summary: NoticeSummary): NoticeItem {
  const id = newRequestId();
  const item: NoticeItem = { id, kind: 'notice', owner, createdAt: new Date().toISOString(), state: 'pending', attempts: 0, body: { ...body, requestId: id }, summary };
  saveOutbox([...loadOutbox(), item]);
  return item;
}

export function enqueueCheckOut(owner: string, stayId: string, guestName: string): CheckOutItem {
  const existing = loadOutbox().find((item): item is CheckOutItem => item.kind === 'checkout' && item.stayId === stayId && item.state !== 'failed');
  if (existing) return existing;
  const item: CheckOutItem = { id: newRequestId(), kind: 'checkout', owner, createdAt: new Date().toISOString(), state: 'pending', attempts: 0, stayId, guestName, at: new Date().toISOString() };
  saveOutbox([...loadOutbox(), item]);
  return item;
}

export function removeItem(id: string): void {
  update(id, () => undefined);
}

/** Makes a failed or waiting item due now (the operator pressed "send again"). */
export function retryItem(id: string): void {
  update(id, (item) => (item.state === 'sent' ? item : { ...item, state: 'pending', nextAttemptAt: undefined }));
}

function retryDelay(attempts: number): number {
  return Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** Math.max(0, attempts - 1));
}

function isTransient(problem: ApiProblem): boolean {
  return problem.status === 0 || problem.status === 408 || problem.status === 429 || problem.status >= 500;
}

function needsSignIn(problem: ApiProblem): boolean {
  return problem.status === 401 || problem.code === 'IDENTITY_CSRF_REJECTED';
}

function due(item: OutboxItem, now: number, force: boolean): boolean {
  if (item.state === 'sending') return now - Date.parse(item.lastAttemptAt ?? item.createdAt) > STALE_SENDING_MS;
  if (item.state === 'signin') return force;
  if (item.state !== 'pending') return false;
  return force || !item.nextAttemptAt || Date.parse(item.nextAttemptAt) <= now;
}

let flushing: Promise<FlushResult> | undefined;

export interface FlushResult {
  sent: number;
  /** True when the last attempt found no network (or a server error): the caller keeps its retry timer. */
  interrupted: boolean;
}

/**
 * Sends the owner's due items, oldest first. Only one flush runs per page; across tabs the Web Locks API keeps a
 * second tab from sending at the same moment (where it is missing, the request ids still prevent doubles).
 */
export function flushOutbox(owner: string, options: { force?: boolean } = {}): Promise<FlushResult> {
  flushing ??= withLock(() => sendDue(owner, options.force ?? false)).finally(() => {
    flushing = undefined;
  });
  return flushing;
}

async function withLock<T>(work: () => Promise<T>): Promise<T> {
  const locks = (navigator as Navigator & { locks?: LockManager }).locks;
  if (!locks) return work();
  return locks.request('da06-presence-outbox', work) as Promise<T>;
}

async function sendDue(owner: string, force: boolean): Promise<FlushResult> {
  let sent = 0;
  const queue = loadOutbox()
    .filter((item) => item.owner === owner && due(item, Date.now(), force))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  for (const waiting of queue) {
    // Another tab may have sent it meanwhile: read it again before sending.
    const item = loadOutbox().find((candidate) => candidate.id === waiting.id);
    if (!item || !due(item, Date.now(), force)) continue;
    const attemptAt = new Date().toISOString();
    update(item.id, (current) => ({ ...current, state: 'sending', lastAttemptAt: attemptAt, attempts: current.attempts + 1 }));
    try {
      if (item.kind === 'notice') {
        if (!item.body) throw new Error('a queued notice lost its content');
        const receipt = await presenceApi.submitNotice(item.body);
        update(item.id, (current) => ({ ...(current as NoticeItem), state: 'sent', sentAt: new Date().toISOString(), receipt, body: undefined, problem: undefined, nextAttemptAt: undefined }));
      } else {
        await presenceApi.checkOut(item.stayId, { requestId: item.id, at: item.at });
        update(item.id, (current) => ({ ...current, state: 'sent', sentAt: new Date().toISOString(), problem: undefined, nextAttemptAt: undefined }));
      }
      sent += 1;
    } catch (caught) {
      const problem = caught instanceof ApiProblem ? caught : new ApiProblem(0, { code: 'NETWORK_ERROR' });
      const record = { ...problem.problem, status: problem.status, code: problem.code };
      if (isTransient(problem)) {
        update(item.id, (current) => ({ ...current, state: 'pending', problem: record, nextAttemptAt: new Date(Date.now() + retryDelay(current.attempts)).toISOString() }));
        return { sent, interrupted: true };
      }
      if (needsSignIn(problem)) {
        update(item.id, (current) => ({ ...current, state: 'signin', problem: record }));
        return { sent, interrupted: true };
      }
      update(item.id, (current) => ({ ...current, state: 'failed', problem: record }));
    }
  }
  return { sent, interrupted: false };
}

/** Items waiting for the network or for sign-in (what the screen counts as "not sent yet"). */
export function unsent(items: OutboxItem[]): OutboxItem[] {
  return items.filter((item) => item.state === 'pending' || item.state === 'sending' || item.state === 'signin');
}
