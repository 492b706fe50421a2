/**
 * The embedded classifier on hand-written sentences in the style of wire copy, one per
 * signal (none copied from the evaluation files), and on the seed story.
 */
import { describe, expect, it } from 'vitest';
import { prepareArticle } from '../../functions/core/article.js';
import { articleFromPlainText } from '../../functions/core/article-text.js';
import { EmbeddedClassifier } from '../../functions/core/classify/embedded-classifier.js';
import { PlaceFinder } from '../../functions/core/classify/places.js';
import { casualtyCount } from '../../functions/core/classify/urgency.js';
import { seedText } from '../helpers/seed.js';

const classifier = new EmbeddedClassifier();
const classify = (headline: string, body = '') => classifier.classify(prepareArticle({ headline, body }).article);

describe('EmbeddedClassifier', () => {
  it('calls the seed story breaking news about conflict in Iran and Iraq', () => {
    const result = classifier.classify(prepareArticle(articleFromPlainText(seedText())).article);
    expect(['flash', 'bulletin']).toContain(result.wire);
    expect(result.urgency).toBeLessThanOrEqual(2);
    expect(result.topics[0]!.code).toBe('medtop:16000000');
    expect(result.places.map((p) => p.countryCode)).toEqual(expect.arrayContaining(['IR', 'IQ', 'US']));
    expect(result.reasons.some((r) => r.startsWith('military attack on national forces') && r.includes('missiles'))).toBe(true);
    expect(result.reasons.some((r) => r.startsWith('places:') && r.includes('Iran') && r.includes('Iraq'))).toBe(true);
  });

  it.each([
    ['Car bomb kills 14 outside police station', 'A car bomb exploded outside a police station on Monday, killing 14 people.', 'bulletin', 'medtop:16000000'],
    ['Earthquake kills dozens in mountain region', 'A magnitude 6.8 earthquake struck before dawn, killing at least 40 people.', 'bulletin', 'medtop:03000000'],
    ['Gunmen abduct two aid workers near border', 'Two aid workers were kidnapped by gunmen on Tuesday, officials said.', 'bulletin', 'medtop:16000000'],
    ['Hurricane bears down on Florida coast', 'Forecasters said the storm would make landfall overnight.', 'urgent', 'medtop:17000000'],
    ['Drugmaker agrees to buy rival for $8 billion', 'The deal, announced on Monday, would create the largest company in the sector; shares rose.', 'urgent', 'medtop:04000000'],
    ['Former minister charged with fraud', 'Prosecutors charged the former minister with fraud and money laundering on Friday.', 'urgent', 'medtop:02000000'],
    ['Review: a quiet, clever thriller', 'The film, starring a veteran actor, opens in cinemas this week.', 'routine', 'medtop:01000000'],
    ['Quarterback leads late rally as home team edges rival', 'The quarterback threw two touchdowns in the fourth quarter as the team won 24-21.', 'routine', 'medtop:15000000'],
    ['Orioles edge Mariners in extra innings', 'A two-out single in the 11th gave Baltimore the win.', 'routine', 'medtop:15000000'],
    ['Pacers guard back from injured list', 'He missed six weeks with a sprained ankle.', 'routine', 'medtop:15000000'],
    ['Bowler takes five wickets as tourists collapse', 'The visitors were all out for 143 on the second day of the test match.', 'routine', 'medtop:15000000'],
    ['New chip promises faster laptops', 'The chipmaker said its processor would ship in laptops and desktop computers next year.', 'routine', 'medtop:13000000'],
  ])('%s → %s, %s', (headline, body, wire, topic) => {
    const result = classify(headline, body);
    expect(result.wire).toBe(wire);
    expect(result.topics[0]!.code).toBe(topic);
    expect(result.reasons.length).toBeGreaterThan(0);
  });

  it('reads hostage events and election forecasts right', () => {
    expect(classify('Militants release video of beheadings of two hostages', 'The video appeared on a website on Monday.').wire).toBe('bulletin');
    expect(classify('Gunmen seize Swiss-born engineer near oil field', 'The engineer was taken from his car, police said.').wire).toBe('bulletin');
    expect(classify('Judges reject indefinite detention', "The country's highest court ruled on Thursday that the government cannot hold suspects without trial.").wire).toBe('bulletin');
    expect(classify('Top court strikes down election law', 'The ruling takes effect at once.').wire).toBe('bulletin');
    expect(classify('Lawyers ask Supreme Court to uphold ban', 'A decision is expected next year.').wire).not.toBe('bulletin');
    expect(classify('Kidnappers kill two aid-worker hostages', 'The bodies were found outside the city on Friday.').wire).toBe('bulletin');
    expect(classify('Hostage deaths spark anger at rescue operation', 'Relatives criticised the police after the raid on the school.').wire).toBe('bulletin');
    expect(classify('Families wait for news of hostages', 'Negotiations continued through the night.').wire).toBe('urgent');
    expect(classify('Opposition leader set to sweep presidential election', 'Polls show a wide lead ahead of Sunday’s vote.').wire).not.toBe('bulletin');
    expect(classify('Opposition leader wins presidential election', 'Official results gave him 58 percent.').wire).toBe('bulletin');
  });

  it.each([
    // "A national leader resigns, dies or is ousted" — the one in office.
    ['Prime minister resigns after losing confidence vote', 'The prime minister resigned on Tuesday after parliament voted against his government.', 'bulletin'],
    ['Deputy prime minister resigns over expenses', 'He repaid the money on Monday.', 'urgent'],
    ['Former president dies at 93', 'He led the country through the 1980s.', 'urgent'],
    ['Calls grow for prime minister to resign', 'Three ministers joined the opposition in demanding that he step down.', 'urgent'],
    // "Decisive election results."
    ['Incumbent wins second term', 'The president won re-election after his challenger conceded early on Wednesday.', 'bulletin'],
    ['Opposition leader declared winner of presidential rerun', 'The election commission announced the final count.', 'bulletin'],
    // "Collapse of a major company"; a bankruptcy filing alone is urgent.
    ['Airline collapses, stranding thousands of passengers', 'The carrier ceased operations overnight after failing to secure funding.', 'bulletin'],
    ['Retailer files for Chapter 11 bankruptcy protection', 'Its stores stay open while it reorganises.', 'urgent'],
    // "Hostages taken."
    ['Gunmen storm school and take hundreds hostage', 'Armed militants seized the school on the first day of term.', 'bulletin'],
    // "Disasters or crashes with deaths", on the road, in the heat, at sea.
    ['Bus plunges into ravine, killing 30', 'A crowded bus veered off a mountain road and plunged into a ravine.', 'bulletin'],
    ['Heat wave kills 15', 'Temperatures above 45C have killed at least 15 people this week.', 'bulletin'],
    ['30 migrants drown off the coast', 'An overloaded boat capsized before dawn; 30 people drowned, the coast guard said.', 'bulletin'],
    ['Boy drowns in river', 'The 12-year-old was swimming with friends.', 'routine'],
  ])('reads the rubric: %s → %s', (headline, body, wire) => {
    expect(classify(headline, body).wire).toBe(wire);
  });

  it('keeps flash for events of transcendent importance', () => {
    expect(classify('President assassinated in capital', 'The president was shot dead on Tuesday.').wire).toBe('flash');
    expect(classify('Tsunami kills more than 2,000 along the coast', 'Waves swept away villages, killing thousands.').wire).toBe('flash');
    expect(classify('Rebels plot to kill the president, police say', 'Police said they foiled the plot.').wire).not.toBe('flash');
    expect(classify('Ten years on, survivors remember the attack that killed 200', '').wire).not.toBe('flash');
  });

  it('reads casualty counts in words and figures', () => {
    expect(casualtyCount('killing at least 19 people')).toBe(19);
    expect(casualtyCount('the death toll rose to 1,200')).toBe(1200);
    expect(casualtyCount('dozens were killed')).toBe(24);
    expect(casualtyCount('no one was hurt')).toBe(0);
  });

  it('finds places from demonyms, capitals and datelines', () => {
    const { places } = classify('Iranian officials meet Iraqi envoy', 'TEHRAN (Reuters) - Officials from both countries met in Baghdad.');
    expect(places.map((p) => p.countryCode)).toEqual(['IR', 'IQ']);
    expect(classify('Kids love turkey sandwiches', 'A survey of us found we like them.').places).toEqual([]);
  });

  it('finds major cities, states and provinces, as wire copy writes them', () => {
    const codes = (headline: string, body = '') => classify(headline, body).places.map((p) => p.countryCode);
    expect(codes('Calif. lawmakers pass water bill')).toEqual(['US']);
    expect(codes('Floods sweep Sichuan villages')).toEqual(['CN']);
    expect(codes('Ontario to close coal plants')).toEqual(['CA']);
    expect(codes('Transit strike paralyses Sao Paulo', 'Commuters in São Paulo walked to work.')).toEqual(['BR']);
    expect(codes('Rally in Guadalajara draws thousands')).toEqual(['MX']);
    expect(classify('Blast hits Peshawar market').reasons).toContain('places: Pakistan (cities: Peshawar (PK))');
    // Names more often a person, a word or another place stay out.
    expect(codes('Austin and Charlotte lead the charts', 'Sale prices fell.')).toEqual([]);
  });

  it('names a level-2 topic after its parent when the evidence is clear', () => {
    const { topics } = classify('Voters go to the polls in presidential election', 'Voters cast ballots in the election; the candidate urged turnout.');
    expect(topics[0]!.code).toBe('medtop:11000000');
    expect(topics.map((t) => t.code)).toContain('medtop:20000574');
  });

  it('reads a country acting in the headline as politics, and says so', () => {
    const result = classify('Seoul says firms sold chemicals to the North', 'Officials said the shipments broke export rules.');
    expect(result.topics[0]!.code).toBe('medtop:11000000');
    expect(result.reasons.find((r) => r.startsWith('topic politics:'))).toContain('"Seoul says"');
    expect(classify('Seoul stocks rise on chip exports', 'Shares of chipmakers led the gains.').topics[0]!.code).toBe('medtop:04000000');
    // A capital acts for its government; another city is more often a team ("Houston signs…").
    const places = new PlaceFinder();
    expect(places.actor('Kiev rejects gas price rise')).toBe('Kiev rejects');
    expect(places.actor('Houston signs veteran quarterback')).toBeUndefined();
    expect(places.actor('Texas bans handheld phones at the wheel')).toBeUndefined();
  });

  it('is deterministic', () => {
    const article = prepareArticle(articleFromPlainText(seedText())).article;
    expect(classifier.classify(article)).toEqual(new EmbeddedClassifier().classify(article));
  });
});
