/**
 * The editors' API: post and preview articles, read them back with their classification
 * and decision; list, read, approve, reject, retry and correct alerts, send manual ones;
 * key management (admins) and the OpenAPI document. Each route names the roles it takes.
 */
import { AppError, NotFoundError } from '../core/errors.js';
import { alertOf, ingestArticle } from '../core/ingest-article.js';
import { sendCorrection, sendManualAlert } from '../core/manual-alerts.js';
import type { ArticleRecord } from '../core/ports.js';
import { SUBTOPICS, TOP_LEVEL_TOPICS, topicLabel } from '../core/classify/media-topics.js';
import { alertTexts, audienceNow, previewArticle } from '../core/preview.js';
import type { AlertStatus, Role } from '../core/types.js';
import type { App } from '../wiring/app.js';
import { actionSchema, articleSchema, correctionSchema, manualAlertSchema } from './article-schema.js';
import { withRoles } from './auth.js';
import { json, pathParam, readJson, type HttpEvent, type HttpResult } from './http.js';
import { keyRoutes } from './keys-api.js';
import openApiJson from './openapi.json' with { type: 'json' };
import { recordPublish } from './publish-metrics.js';
import { httpApi } from './router.js';
import { parse } from './validate.js';

/** What the API shows of a stored article: everything an editor needs to see why. */
export function articleView(record: ArticleRecord) {
  return {
    article: { ...record.article, receivedAt: record.receivedAt, ...(record.postedBy && { postedBy: record.postedBy }) },
    classification: record.classification,
    effective: record.effective,
    decision: record.decision,
  };
}

/** One line of the wire list: enough to scan, with a link to the whole. */
export function articleSummary(record: ArticleRecord) {
  const { article, effective, decision } = record;
  const primary = effective.topics[0];
  return {
    id: article.id,
    version: article.version,
    headline: article.headline,
    ...(article.source !== undefined && { source: article.source }),
    receivedAt: record.receivedAt,
    urgency: effective.urgency,
    wire: effective.wire,
    ...(primary !== undefined && { topic: { code: primary, label: topicLabel(primary) } }),
    countries: effective.countries,
    decision,
  };
}

function limitOf(event: HttpEvent): number {
  const raw = event.queryStringParameters?.limit;
  if (raw === undefined) return 20;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    throw new AppError('INVALID_LIMIT', 'limit must be a whole number from 1 to 100', 400);
  }
  return limit;
}

const STATUSES: AlertStatus[] = ['held', 'pending', 'publishing', 'sent', 'failed', 'rejected'];

function statusOf(event: HttpEvent): AlertStatus | undefined {
  const raw = event.queryStringParameters?.status;
  if (raw === undefined) return undefined;
  if (!(STATUSES as string[]).includes(raw)) throw new AppError('INVALID_STATUS', `status must be one of ${STATUSES.join(', ')}`, 400);
  return raw as AlertStatus;
}

/** An action's body is optional: `{ "reason": "…" }` or nothing. */
function reasonOf(event: HttpEvent): string {
  if (!event.body) return '';
  return parse(actionSchema, readJson(event), 'action').reason ?? '';
}

const READERS: Role[] = ['viewer', 'editor', 'admin'];
const WRITERS: Role[] = ['editor', 'admin'];

export function articlesApi(app: App) {
  const as = (roles: Role[]) => withRoles<HttpEvent, HttpResult>(app.auth, roles);
  const editor = as(WRITERS);
  const viewer = as(READERS);
  let openapi: string | undefined;
  const action = (name: 'approve' | 'reject' | 'retry') =>
    editor(async (event, actor) => {
      const result = await app.editorial[name](pathParam(event, 'id'), actor, reasonOf(event));
      if (result.publish) recordPublish(app.metrics, result.publish);
      return json(200, result);
    });

  return httpApi(app.logger, [
    {
      method: 'POST',
      path: '/v1/articles',
      handler: editor(async (event, actor) => {
        const input = parse(articleSchema, readJson(event), 'article');
        const dryRun = event.queryStringParameters?.dryRun;
        if (dryRun !== undefined && dryRun !== 'true' && dryRun !== 'false') {
          throw new AppError('INVALID_DRY_RUN', 'dryRun must be true or false', 400);
        }
        if (dryRun === 'true') {
          return json(200, await previewArticle(input, { classifier: app.classifier, policy: app.config.policy, now: app.now, registry: app.registry }));
        }
        const result = await ingestArticle(input, {
          store: app.store,
          classifier: app.classifier,
          publisher: app.publisher,
          policy: app.config.policy,
          now: app.now,
          actor,
          ...(app.config.story && { storyPolicy: app.config.story }),
        });
        app.metrics?.count('ArticlesIn');
        if (!result.repeat && result.record.decision.alert) app.metrics?.count('AlertsMade');
        if (result.publish) recordPublish(app.metrics, result.publish);
        if (result.storyUnfiled) app.logger.warn('story not filed for de-duplication', { articleId: result.record.article.id, error: result.storyUnfiled });
        if (result.publish && result.publish.status !== 'sent' && result.publish.status !== 'skipped') {
          app.logger.warn('inline publish did not finish; the sweeper will retry', { alertId: result.record.decision.alertId, publish: result.publish });
        }
        return json(result.repeat ? 200 : 201, articleView(result.record));
      }),
    },
    {
      method: 'GET',
      path: '/v1/articles',
      handler: viewer(async (event) => {
        const cursor = event.queryStringParameters?.cursor;
        const page = await app.store.listArticles({ limit: limitOf(event), ...(cursor !== undefined && { cursor }) });
        return json(200, { items: page.items.map(articleSummary), ...(page.cursor !== undefined && { cursor: page.cursor }) });
      }),
    },
    {
      method: 'GET',
      path: '/v1/articles/{id}',
      handler: viewer(async (event) => {
        const id = pathParam(event, 'id');
        const versions = await app.store.listArticleVersions(id);
        const latest = versions.at(-1);
        if (!latest) throw new NotFoundError('ARTICLE_NOT_FOUND', `no article ${id}`);
        // The alert the article made, as stored, or the one it would make if an editor sent it.
        const alert = latest.decision.alertId ? await app.store.getAlert(latest.decision.alertId) : undefined;
        const shown = alert ?? { ...alertOf(latest.article, latest.effective, latest.receivedAt), id: 'preview' };

        return json(200, {
          ...articleView(latest),
          preview: alertTexts(shown),
          // A sent alert keeps whom it reached; anything else shows whom it would reach now.
          audience: alert?.reach ? { segments: alert.publishedSegments.length, ...alert.reach } : await audienceNow(shown, app.registry, app.now()),
          ...(alert && { alert }),
          versions: versions.map((v) => ({ version: v.article.version, receivedAt: v.receivedAt, decision: v.decision })),
        });
      }),
    },
    {
      method: 'GET',
      path: '/v1/alerts',
      handler: viewer(async (event) => {
        const cursor = event.queryStringParameters?.cursor;
        const status = statusOf(event);
        const page = await app.store.listAlerts({ limit: limitOf(event), ...(cursor !== undefined && { cursor }), ...(status && { status }) });
        return json(200, page);
      }),
    },
    {
      method: 'GET',
      path: '/v1/alerts/{id}',
      handler: viewer(async (event) => {
        const id = pathParam(event, 'id');
        const alert = await app.store.getAlert(id);
        if (!alert) throw new NotFoundError('ALERT_NOT_FOUND', `no alert ${id}`);
        return json(200, alert);
      }),
    },
    {
      method: 'POST',
      path: '/v1/alerts',
      handler: editor(async (event, actor) => {
        const input = parse(manualAlertSchema, readJson(event), 'manual alert');
        const result = await sendManualAlert(input, actor, { store: app.store, publisher: app.publisher, now: app.now });
        recordPublish(app.metrics, result.publish);
        return json(result.created ? 201 : 200, { alert: result.alert, publish: result.publish });
      }),
    },
    {
      method: 'POST',
      path: '/v1/alerts/{id}/correction',
      handler: editor(async (event, actor) => {
        const input = parse(correctionSchema, readJson(event), 'correction');
        const result = await sendCorrection(pathParam(event, 'id'), input, actor, { store: app.store, publisher: app.publisher, now: app.now });
        recordPublish(app.metrics, result.publish);
        return json(result.created ? 201 : 200, { alert: result.alert, publish: result.publish });
      }),
    },
    { method: 'POST', path: '/v1/alerts/{id}/approve', handler: action('approve') },
    { method: 'POST', path: '/v1/alerts/{id}/reject', handler: action('reject') },
    { method: 'POST', path: '/v1/alerts/{id}/retry', handler: action('retry') },
    {
      method: 'GET',
      path: '/v1/topics',
      // The codes hints, manual alerts and subscriptions take, for pickers in the desk and in apps.
      handler: as(['viewer', 'editor', 'admin', 'app'])(async () =>
        json(200, {
          items: [
            ...Object.entries(TOP_LEVEL_TOPICS).map(([code, label]) => ({ code, label })),
            ...Object.entries(SUBTOPICS).map(([code, { label, parent }]) => ({ code, label, parent })),
          ],
        }),
      ),
    },
    ...keyRoutes(app),
    {
      method: 'GET',
      path: '/v1/openapi.json',
      handler: as(['viewer', 'editor', 'admin', 'app'])(async () => {
        // Generated at build time (npm run openapi): the Lambda carries a file, not every schema and a generator.
        openapi ??= JSON.stringify(openApiJson);
        return { statusCode: 200, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }, body: openapi };
      }),
    },
  ]);
}
