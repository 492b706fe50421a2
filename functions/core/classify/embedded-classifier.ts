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
import { WordAffinity } from './word-affinity.js';

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
  private readonly affinity = new WordAffinity();

  classify(article: Article): Classification {
    const lead = leadOf(article.body);
    const urgency = scoreUrgency(article.headline, lead);
    const actor = this.places.actor(article.headline);
    const headline = tokenize(article.headline);
    const body = tokenize(article.body);
    const evidence = this.affinity.evidence([...headline, ...body], (token) => !this.topics.lists(token));
    // A country acting in the headline is decisive, not a hint: related words add evidence to
    // every topic, and at the weight of a typical lexicon word (6) a short story's "firms" and
    // "exports" outvoted "Seoul says". Accuracy on labelled news is the same from 4 to 12.
    if (actor) evidence.push({ code: 'medtop:11000000', weight: 10, term: actor });
    const topics = this.topics.score(headline, body, evidence);
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
