/**
 * An article's way in: normalise, classify, decide (hints, threshold, hold band), match it
 * to a recent story (one event alerts once), guard against alert fatigue, record, publish.
 *
 * Idempotent on (id, version): the alert (the outbox) is written first and the article
 * second, each with a conditional put, so a retry — or a concurrent duplicate — finds
 * what the first attempt stored and answers with it (no read first: the conditional
 * writes are the check). A stored alert or article with another content hash means the
 * same id and version came with other content: 409, and nothing is written after it.
 * A repeat also re-offers the alert to the publisher, which does nothing if it was sent:
 * a crash between any two steps is healed by the retry or, failing that, by the sweeper.
 */
import { prepareArticle } from './article.js';
import type { Classifier } from './classify/classifier.js';
import { applyHints, decide, type AlertPolicy } from './decide.js';
import { resolveStory } from './dedupe.js';
import { DEFAULT_STORY_POLICY, type StoryPolicy } from './story.js';
import { ConflictError } from './errors.js';
import { idFrom } from './ids.js';
import type { ArticleRecord, Store } from './ports.js';
import type { AlertPublisher, PublishOutcome } from './publish-alert.js';
import type { Alert, Article, ArticleInput, Decision, Effective } from './types.js';

export interface IngestDeps {
  store: Store;
  classifier: Classifier;
  publisher: AlertPublisher;
  policy: AlertPolicy;
  now: () => Date;
  /** Who posted (for the audit): the key's role and label. */
  actor?: string;
  storyPolicy?: StoryPolicy;
}

/** Classify, apply the editor's hints, decide: the pure part, shared with the dry run. */
export function judge(article: Article, deps: Pick<IngestDeps, 'classifier' | 'policy' | 'now'>) {
  const classification = deps.classifier.classify(article);
  const effective = applyHints(classification, article.hints);
  let verdict = decide(effective, deps.policy, article.hints);
  if (verdict.alert && article.embargoUntil && Date.parse(article.embargoUntil) > deps.now().getTime()) {
    verdict = { ...verdict, reason: `${verdict.reason}; embargoed until ${article.embargoUntil}` };
  }
  return { classification, effective, verdict };
}

/** The outbox item of an article, before its id, status and audit are set. */
export function alertOf(article: Article, effective: Effective, createdAt: string): Omit<Alert, 'id' | 'status' | 'audit'> {
  return {
    articleId: article.id,
    articleVersion: article.version,
    headline: article.headline,
    ...(article.url !== undefined && { url: article.url }),
    ...(article.source !== undefined && { source: article.source }),
    urgency: effective.urgency,
    wire: effective.wire,
    topics: effective.topics,
    countries: effective.countries,
    language: article.language,
    createdAt,
    attempts: 0,
    publishedSegments: [],
    ...(article.embargoUntil !== undefined && { embargoUntil: article.embargoUntil }),
  };
}

export interface IngestResult {
  /** True when this id and version were already stored: the answer is the first one. */
  repeat: boolean;
  record: ArticleRecord;
  /** What the inline publish did; undefined when the article makes no alert. */
  publish?: PublishOutcome | { status: 'error'; error: string };
  /** Why the new story could not be filed for de-duplication, if it could not. */
  storyUnfiled?: string;
}

function conflict(id: string, version: number): ConflictError {
  return new ConflictError(
    'ARTICLE_VERSION_CONFLICT',
    `article ${id} version ${version} was already received with different content; send it as a new version`,
  );
}

export async function ingestArticle(input: ArticleInput, deps: IngestDeps): Promise<IngestResult> {
  const { article, contentHash } = prepareArticle(input);
  const judged = judge(article, deps);
  const { classification, effective } = judged;
  const receivedAt = deps.now().toISOString();
  // Keyed by article and version, so a retry lands on the same alert and story.
  const candidateAlertId = idFrom('al', article.id, article.version);
  const story = await resolveStory(article, effective, judged.verdict, {
    store: deps.store,
    policy: deps.storyPolicy ?? DEFAULT_STORY_POLICY,
    now: deps.now,
    alertId: candidateAlertId,
    storyIdFor: idFrom('st', article.id, article.version),
  });
  const verdict = await guardFatigue(story.verdict, effective, candidateAlertId, deps);
  const alertId = verdict.alert ? candidateAlertId : undefined;
  if (alertId) {
    const alert: Alert = {
      ...alertOf(article, effective, receivedAt),
      id: alertId,
      ...(story.storyId && { storyId: story.storyId }),
      ...(story.update && { update: true }),
      status: verdict.hold ? 'held' : 'pending',
      audit: [{ at: receivedAt, actor: deps.actor ?? 'newsalert', action: verdict.hold ? 'held' : 'decided', detail: verdict.reason }],
    };
    const stored = await deps.store.putAlert(alert, contentHash);
    if (stored && stored.contentHash !== contentHash) throw conflict(article.id, article.version);
  }
  const record: ArticleRecord = {
    article,
    classification,
    effective,
    decision: { ...verdict, ...(alertId && { alertId }) },
    contentHash,
    receivedAt,
    ...(story.storyId && { storyId: story.storyId }),
    ...(deps.actor && { postedBy: deps.actor }),
  };
  const raced = await deps.store.putArticle(record);
  if (raced) {
    if (raced.contentHash !== contentHash) throw conflict(article.id, article.version);
    return { repeat: true, record: raced, ...(await publishIfAny(raced, deps)) };
  }
  const published = await publishIfAny(record, deps);
  // Filed after the publish: the alert goes out first; the next report of the event finds the story.
  // A failure here costs de-duplication for this one story, never the alert: it is reported, not thrown.
  let storyUnfiled: string | undefined;
  if (story.opened) {
    await deps.store.fileStory(story.opened).catch((error: unknown) => {
      storyUnfiled = error instanceof Error ? error.message : String(error);
    });
  }
  return { repeat: false, record, ...published, ...(storyUnfiled && { storyUnfiled }) };
}

/**
 * The fatigue guard: below flash, each primary topic may alert `topicBudgetPerHour` times an
 * hour; the excess is held for an editor instead of sent.
 */
async function guardFatigue(verdict: Omit<Decision, 'alertId'>, effective: Effective, alertId: string, deps: IngestDeps): Promise<Omit<Decision, 'alertId'>> {
  const limit = deps.policy.topicBudgetPerHour;
  const topic = effective.topics[0];
  if (!verdict.alert || verdict.hold || limit === undefined || effective.urgency <= 1 || !topic) return verdict;
  const hour = deps.now().toISOString().slice(0, 13);
  if (await deps.store.takeTopicBudget(topic, hour, limit, alertId)) return verdict;
  return { alert: true, hold: true, reason: `${verdict.reason}; held: the budget of ${limit} alerts an hour for ${topic} is spent` };
}

/** The inline publish: the fastest path to phones. Its failure is not the editor's: the sweeper retries. */
async function publishIfAny(record: ArticleRecord, deps: IngestDeps): Promise<Pick<IngestResult, 'publish'>> {
  const alertId = record.decision.alertId;
  if (!alertId || record.decision.hold) return {};
  try {
    return { publish: await deps.publisher.publish(alertId) };
  } catch (error) {
    return { publish: { status: 'error', error: error instanceof Error ? error.message : String(error) } };
  }
}
