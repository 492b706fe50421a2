/** The one interface every classifier implements: the embedded one here, an LLM later. */
import type { Article, Classification } from '../types.js';

export interface Classifier {
  classify(article: Article): Classification;
}
