/**
 * Alerts an editor writes by hand: news with no article yet, and corrections. Both go
 * through the same outbox and publisher as any alert; a correction goes to exactly the
 * segments its original reached and replaces its push notification.
 */
import { ConflictError, NotFoundError } from './errors.js';
import { idFrom, randomId, sha256 } from './ids.js';
import type { Store } from './ports.js';
import type { AlertPublisher, PublishOutcome } from './publish-alert.js';
import { wireOf } from './classify/urgency.js';
import type { Alert } from './types.js';

export interface ManualAlertInput {
  /** The alert's text, as it will read. */
  headline: string;
  url?: string;
  topics: string[];
  urgency: number;
  countries?: string[];
  language?: string;
  /** An idempotency key: the same id posted again returns the first alert and sends nothing. */
  id?: string;
}

export interface ManualDeps {
  store: Store;
  publisher: AlertPublisher;
  now: () => Date;
}

async function publishSafely(publisher: AlertPublisher, id: string): Promise<PublishOutcome | { status: 'error'; error: string }> {
  try {
    return await publisher.publish(id);
  } catch (error) {
    return { status: 'error', error: error instanceof Error ? error.message : String(error) };
  }
}

/** Stores the alert unless it exists; the boolean says whether this call created it. */
async function record(store: Store, alert: Alert, contentHash: string): Promise<{ alert: Alert; created: boolean }> {
  const stored = await store.putAlert(alert, contentHash);
  if (!stored) return { alert, created: true };
  if (stored.contentHash !== contentHash) throw new ConflictError('ALERT_ID_CONFLICT', `alert id ${alert.id} was already used for another alert`);
  return { alert: stored.alert, created: false };
}

export async function sendManualAlert(input: ManualAlertInput, actor: string, deps: ManualDeps) {
  const now = deps.now().toISOString();
  const id = input.id ? idFrom('al', 'manual', input.id) : randomId('al');
  const contentHash = sha256(JSON.stringify([input.headline, input.url ?? '', input.topics, input.urgency, input.countries ?? []]));
  const { alert, created } = await record(
    deps.store,
    {
      id,
      articleId: `manual:${id}`,
      articleVersion: 1,
      headline: input.headline,
      ...(input.url && { url: input.url }),
      urgency: input.urgency,
      wire: wireOf(input.urgency),
      topics: input.topics,
      countries: input.countries ?? [],
      language: input.language ?? 'en',
      createdAt: now,
      status: 'pending',
      attempts: 0,
      publishedSegments: [],
      audit: [{ at: now, actor, action: 'written by hand', detail: 'manual alert' }],
    },
    contentHash,
  );
  return { alert, created, publish: await publishSafely(deps.publisher, id) };
}

export async function sendCorrection(originalId: string, input: { text: string; url?: string }, actor: string, deps: ManualDeps) {
  const original = await deps.store.getAlert(originalId);
  if (!original) throw new NotFoundError('ALERT_NOT_FOUND', `no alert ${originalId}`);
  if (original.publishedSegments.length === 0) {
    throw new ConflictError('ALERT_NOT_SENT', `alert ${originalId} has reached no one yet (${original.status}): change or reject it instead`);
  }
  const now = deps.now().toISOString();
  const id = idFrom('al', 'correction', originalId, sha256(input.text));
  const url = input.url ?? original.url;
  const { alert, created } = await record(
    deps.store,
    {
      id,
      articleId: original.articleId,
      articleVersion: original.articleVersion,
      headline: input.text,
      ...(url && { url }),
      urgency: original.urgency,
      wire: original.wire,
      topics: original.topics,
      countries: original.countries,
      language: original.language,
      createdAt: now,
      status: 'pending',
      attempts: 0,
      publishedSegments: [],
      storyId: original.storyId ?? original.articleId,
      correctionOf: originalId,
      targetSegments: original.publishedSegments,
      audit: [{ at: now, actor, action: 'correction', detail: `corrects ${originalId}` }],
    },
    sha256(JSON.stringify([originalId, input.text, url ?? ''])),
  );
  if (created) await deps.store.appendAudit(originalId, { at: now, actor, action: 'corrected', detail: `correction ${id}: ${input.text}` });
  return { alert, created, publish: await publishSafely(deps.publisher, id) };
}
