/**
 * Topic evidence from related words: the mechanics on a small table, the committed table
 * against the lexicon it was built from, and hand-written stories the lexicon alone cannot
 * place (none copied from the evaluation files).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { prepareArticle } from '../../functions/core/article.js';
import { EmbeddedClassifier } from '../../functions/core/classify/embedded-classifier.js';
import { tokenize } from '../../functions/core/classify/text.js';
import { TopicScorer } from '../../functions/core/classify/topics.js';
import { LEANS, NO_TOPIC, PackedWords, WordAffinity, type AffinityTable } from '../../functions/core/classify/word-affinity.js';
import { affinitySeeds, DATA_PATH, seedDigest } from '../../scripts/build-topic-affinity.js';

/** `leans`: for each word, [topic index, value] pairs, strongest first. */
const table = (words: string[], leans: Array<Array<[number, number]>>): AffinityTable => ({
  seedDigest: 'test',
  topics: ['medtop:15000000', 'medtop:13000000'],
  scale: 0.01,
  words: words.join(' '),
  leans: Buffer.from(leans.flatMap((pairs) => Array.from({ length: LEANS }, (_, k) => pairs[k] ?? [NO_TOPIC, 0]).flat())).toString('base64'),
});

describe('WordAffinity', () => {
  const affinity = new WordAffinity(table(['pitcher', 'router', 'the', 'u.s'], [[[0, 90]], [[1, 60], [0, 5]], [[1, 10], [0, 10]], [[0, 5]]]));

  it('sums the leans of each known word per topic, whatever its case, and names the words that lean notably', () => {
    const evidence = affinity.evidence(tokenize('Pitcher and PITCHER buy a router'));
    // Sport: 90 + 90 + 5 = 185 units of 0.01, times the weight 3; technology: 60 units. The
    // router's faint lean to sport (5) counts but is not worth naming.
    expect(evidence).toEqual([
      { code: 'medtop:15000000', weight: expect.closeTo(5.55, 6), term: 'related words: pitcher' },
      { code: 'medtop:13000000', weight: expect.closeTo(1.8, 6), term: 'related words: router' },
    ]);
  });

  it('names only the words worth naming, unless no other word leans notably to the topic', () => {
    const notPitcher = (token: { stem: string }) => token.stem !== 'pitcher';
    expect(affinity.evidence(tokenize('Pitcher buys a router'), notPitcher).map((e) => e.term)).toEqual(['related words: pitcher, router', 'related words: router']);
    expect(affinity.evidence(tokenize('Pitcher'), notPitcher).map((e) => e.term)).toEqual(['related words: pitcher']);
  });

  it('ignores words it does not know and finds words with inner full stops', () => {
    expect(affinity.evidence(tokenize('Zyxqw plorbs'))).toEqual([]);
    expect(affinity.evidence(tokenize('The U.S. says')).map((e) => [e.code, e.term])).toEqual([
      ['medtop:15000000', 'related words: the, u.s'],
      ['medtop:13000000', 'related words: the'],
    ]);
    expect(affinity.evidence(tokenize('u.s'))).toEqual([{ code: 'medtop:15000000', weight: expect.closeTo(0.15, 6), term: 'related words: u.s' }]);
  });

  it('finds every word of the committed table at its own row, and nothing else', () => {
    const data = JSON.parse(readFileSync(DATA_PATH, 'utf8')) as AffinityTable;
    const words = data.words.split(' ');
    const packed = new PackedWords(data.words);
    expect(words.length).toBe(50_000);
    expect(words.every((word, row) => packed.row(word) === row && packed.word(row) === word)).toBe(true);
    for (const stranger of ['', 'zzzzqx', `${words[0]}s`, words[1]!.slice(0, -1), `${words[2]} ${words[3]}`]) {
      expect(packed.row(stranger)).toBe(words.indexOf(stranger));
    }
  });
});

describe('the committed affinity table', () => {
  it('was built from the typical words the lexicon has now (else run `npm run affinity`)', () => {
    const data = JSON.parse(readFileSync(DATA_PATH, 'utf8')) as AffinityTable;
    expect(data.seedDigest, 'topic-affinity.data.json is stale: run `npm run affinity`').toBe(seedDigest(affinitySeeds()));
    expect(Buffer.from(data.leans, 'base64').length).toBe(data.words.split(' ').length * LEANS * 2);
  });
});

describe('related words in the classifier', () => {
  const classifier = new EmbeddedClassifier();
  const lexiconOnly = new TopicScorer();
  it.each([
    ['Hamilton takes pole at Silverstone', 'The Briton was three tenths faster than his team-mate in qualifying.', 'medtop:15000000'],
    ['Kroger to shut 40 outlets', 'The grocer blamed falling footfall and higher rents.', 'medtop:04000000'],
    ['Ryanair cuts fares as bookings slow', 'The carrier said yields would fall this winter.', 'medtop:04000000'],
    ['Pluto-sized object found in Kuiper belt', 'The body is about 1,500 miles across.', 'medtop:13000000'],
    ['Symantec ships a new antiphishing toolbar', 'The toolbar warns people before they enter passwords on forged banking pages.', 'medtop:13000000'],
  ])('places "%s", which the lexicon alone cannot', (headline, body, expected) => {
    expect(lexiconOnly.score(tokenize(headline), tokenize(body)).topics[0]!.code).not.toBe(expected);
    const result = classifier.classify(prepareArticle({ headline, body }).article);
    expect(result.topics[0]!.code).toBe(expected);
    expect(result.reasons.find((r) => r.startsWith(`topic ${result.topics[0]!.label}:`))).toMatch(/related words: \p{L}/u);
  });
});
