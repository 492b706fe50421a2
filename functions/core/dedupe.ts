/**
 * One event alerts once. Before an article alerts, it is matched to a recent story — an
 * earlier version of the same article, or the same event from another source (similar
 * headline and lead, same primary topic, a shared country). A match does not alert again,
 * unless the article raises the story to a higher wire level: then it alerts once, as an
 * update whose push notification replaces the story's earlier one.
 */
import { leadOf } from './classify/embedded-classifier.js';
import type { Store } from './ports.js';
import { bands, findSameStory, isHigherWire, signature, type Story, type StoryPolicy } from './story.js';
import type { Article, Decision, Effective } from './types.js';

export interface StoryOutcome {
  verdict: Omit<Decision, 'alertId'>;
  storyId?: string;
  update: boolean;
  /** A new story, to file under its buckets once the alert is on its way. */
  opened?: Story;
}

export async function resolveStory(
  article: Article,
  effective: Effective,
  verdict: Omit<Decision, 'alertId'>,
  deps: { store: Store; policy: StoryPolicy; now: () => Date; alertId: string; storyIdFor: string },
): Promise<StoryOutcome> {
  if (!verdict.alert) return { verdict, update: false };
  const { store } = deps;
  const candidate: Story = {
    id: deps.storyIdFor,
    alertId: deps.alertId,
    headline: article.headline,
    signature: signature(`${article.headline}. ${leadOf(article.body)}`),
    wire: effective.wire,
    countries: effective.countries,
    topic: effective.topics[0] ?? '',
    createdAt: deps.now().toISOString(),
  };

  const earlier = article.version > 1 ? (await store.listArticleVersions(article.id)).find((r) => r.storyId && r.article.version < article.version) : undefined;
  const previous = earlier?.storyId ? await store.getStory(earlier.storyId) : undefined;
  const match = previous
    ? { story: previous, similarity: 1 }
    : findSameStory(candidate, await store.storiesInBuckets(bands(candidate.signature), new Date(deps.now().getTime() - deps.policy.windowMs)), deps.policy);

  if (!match || match.story.id === candidate.id) {
    await store.putStory(candidate);
    return { verdict, storyId: candidate.id, update: false, opened: candidate };
  }
  const { story } = match;
  const how = previous ? `a new version of article ${article.id}` : `the same story as alert ${story.alertId} (similarity ${match.similarity.toFixed(2)})`;
  // A retry of an escalation finds the story already raised by this very alert.
  if (story.lastAlertId === deps.alertId || (isHigherWire(effective.wire, story.wire) && (await store.escalateStory(story.id, effective.wire, deps.alertId)))) {
    return { verdict: { ...verdict, reason: `${verdict.reason}; ${how}, raised from ${story.wire} to ${effective.wire}: alerts once as an update` }, storyId: story.id, update: true };
  }
  return {
    verdict: { alert: false, reason: `${how}, not at a higher wire level than its ${story.wire} alert: recorded without an alert` },
    storyId: story.id,
    update: false,
  };
}
