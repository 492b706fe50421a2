/**
 * The default classifier: lexicons, a gazetteer and event rules, in-process and
 * deterministic. Build it once (loading takes milliseconds) and reuse it.
 */
import type { Article, Classification } from '../types.js';
import type { Classifier } from './classifier.js';
import { PlaceFinder } from './places.js';
import { tokenize } from './text.js';
import { TopicScorer } from './topics.js';
import { scoreUrgency } from './urgency.js';

/** The first sentence or two of the body: what wire editors call the lead. */
export function leadOf(body: string, maxChars = 400): string {
  const firstParagraph = body.split('\n').find((p) => p.trim() !== '') ?? '';
  const sentences = firstParagraph.match(/[^.!?]+(?:[.!?]+["”’]?|$)/g) ?? [firstParagraph];
  let lead = '';
  for (const sentence of sentences) {
    if (lead && lead.length + sentence.length > maxChars) break;
    lead += sentence;
    if (lead.length > 160) break;
  }
  return lead.trim().slice(0, maxChars * 2);
}

export class EmbeddedClassifier implements Classifier {
  private readonly topics = new TopicScorer();
  private readonly places = new PlaceFinder();

  classify(article: Article): Classification {
    const lead = leadOf(article.body);
    const urgency = scoreUrgency(article.headline, lead);
    const actor = this.places.actor(article.headline);
    const topics = this.topics.score(tokenize(article.headline), tokenize(article.body), actor ? [{ code: 'medtop:11000000', weight: 6, term: actor }] : []);
    const places = this.places.find(article.headline, article.body, article.dateline);
    return {
      urgency: urgency.urgency,
      wire: urgency.wire,
      topics: topics.topics,
      places: places.places,
      reasons: [...urgency.reasons, ...topics.reasons, ...places.reasons],
    };
  }
}
