/**
 * What an editor does to an alert after the pipeline decided: approve or reject a held
 * one, retry a failed one. Each is one conditional write (so of two concurrent approvals
 * exactly one wins and sends), recorded in the alert's audit with who and why.
 */
import { ConflictError, NotFoundError } from './errors.js';
import type { Store } from './ports.js';
import type { AlertPublisher, PublishOutcome } from './publish-alert.js';
import type { Alert, AlertStatus } from './types.js';

export interface EditorialDeps {
  store: Store;
  publisher: AlertPublisher;
  now: () => Date;
}

export interface EditorialResult {
  alert: Alert;
  publish?: PublishOutcome | { status: 'error'; error: string };
}

export class Editorial {
  constructor(private readonly deps: EditorialDeps) {}

  /** Sends a held alert (at its embargo time if that is still ahead). */
  approve(id: string, actor: string, why = ''): Promise<EditorialResult> {
    return this.move(id, ['held'], 'pending', actor, 'approved', why, 'ALERT_NOT_HELD');
  }

  reject(id: string, actor: string, why = ''): Promise<EditorialResult> {
    return this.move(id, ['held'], 'rejected', actor, 'rejected', why, 'ALERT_NOT_HELD');
  }

  /** Sends a failed alert again, with a fresh set of attempts; segments already reached are skipped. */
  retry(id: string, actor: string, why = ''): Promise<EditorialResult> {
    return this.move(id, ['failed'], 'pending', actor, 'retried', why, 'ALERT_NOT_FAILED');
  }

  private async move(id: string, from: AlertStatus[], to: AlertStatus, actor: string, action: string, why: string, code: string): Promise<EditorialResult> {
    const now = this.deps.now();
    const current = await this.deps.store.getAlert(id);
    if (!current) throw new NotFoundError('ALERT_NOT_FOUND', `no alert ${id}`);
    const embargo = current.embargoUntil ? new Date(current.embargoUntil) : undefined;
    const moved = await this.deps.store.transitionAlert(id, {
      from,
      to,
      audit: { at: now.toISOString(), actor, action, detail: why },
      ...(to === 'pending' && { dueAt: embargo && embargo > now ? embargo : now, resetAttempts: action === 'retried' }),
    });
    if (!moved) {
      const latest = (await this.deps.store.getAlert(id)) ?? current;
      throw new ConflictError(code, `alert ${id} is ${latest.status}, not ${from.join(' or ')}`);
    }
    if (to !== 'pending') return { alert: moved };
    let publish: EditorialResult['publish'];
    try {
      publish = await this.deps.publisher.publish(id);
    } catch (error) {
      publish = { status: 'error', error: error instanceof Error ? error.message : String(error) };
    }
    return { alert: (await this.deps.store.getAlert(id)) ?? moved, publish };
  }
}
