/**
 * Urgency on the wire ladder, from the lead (headline and first sentence): what happened
 * (event type), how big (casualty counts, state actors), and soft-news cues that pull it
 * down. When two readings compete, the lower urgency wins, as the rubric asks.
 */
import type { Wire } from '../types.js';

export interface UrgencyResult {
  urgency: number;
  wire: Wire;
  reasons: string[];
}

const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70,
  eighty: 80, ninety: 90, hundred: 100, dozen: 12, dozens: 24, scores: 40, several: 3, many: 10,
  hundreds: 200, thousands: 2000, tens: 20,
};
const COUNT = String.raw`(\d[\d,]*|${Object.keys(NUMBER_WORDS).join('|')})`;

const DEATH = String.raw`(?:kill(?:s|ed|ing)?|dead|deaths?|died|dies|slain|slaughter(?:s|ed|ing)?|massacre[sd]?|behead(?:s|ed|ing|ings)?|shot dead|stabbed (?:\w+ ){0,4}to death|(?:burn(?:ed|t)|crushed|trampled|frozen) to death|drown(?:s|ed|ing)?|death toll|fatalit(?:y|ies)|lives lost|lost their lives|perish(?:ed|es)?|killings?)`;
const VIOLENCE = String.raw`(?:bomb|blast|explo|attack|shoot|shot|gunm[ae]n|gunfire|strikes?\b|airstrike|air strike|suicide|militant|insurgen|rebel|rocket|mortar|missile|grenade|ambush|clash|fighting|raid|massacre|stab|landmine|terror|sniper|shell|hostage|siege)`;
const DISASTER = String.raw`(?:earthquake|quake|tsunami|flood|landslide|mudslide|avalanche|eruption|volcano|hurricane|typhoon|cyclone|tornado|storm|blizzard|heat ?wave|lightning|fire\b|blaze|crash|collision|derail|accident|sank|sink|capsiz|overturn|stampede|collapse|bird flu|outbreak|epidemic|mine\b|train|plane|helicopter|ferry|boat|bus\b|truck|ravine)`;
const LEADER = String.raw`(?:president|prime minister|premier|king|queen|head of state|chancellor|supreme leader|emperor|dictator)`;
/** Words that make an event hypothetical or past, not news happening now. */
const NOT_NOW = String.raw`(?:plot(?:s|ted)? to|threat(?:en|ens|ened)? to|could|would|may|might|fear(?:s|ed)?|warn(?:s|ed)? of|plan(?:s|ned)? to|attempt(?:ed)? to|trying to|tried to)`;

interface Rule {
  wire: Exclude<Wire, 'routine'>;
  label: string;
  /** Returns the phrase that fired, or undefined. */
  test: (lead: string, headline: string) => string | undefined;
}

function find(pattern: RegExp, text: string): string | undefined {
  const match = pattern.exec(text);
  return match ? match[0] : undefined;
}

/** Both patterns within one sentence of the lead, close together; returns the span. */
function near(a: string, b: string, text: string, within = 90): string | undefined {
  const pattern = new RegExp(String.raw`\b${a}[^.;:!?]{0,${within}}?\b${b}|\b${b}[^.;:!?]{0,${within}}?\b${a}`, 'i');
  return find(pattern, text);
}

/** The largest casualty count named next to a death word, or 0. */
export function casualtyCount(text: string): number {
  let largest = 0;
  const patterns = [
    new RegExp(String.raw`\b(?:at least |more than |over |nearly |about |some |up to )?${COUNT}(?: \w+){0,3} (?:were |are |have been |had been )?(?:${DEATH})`, 'gi'),
    // Not "the deaths of 85": that is as often an earlier event as this one.
    new RegExp(String.raw`(?:${DEATH})(?: at least| more than| some| nearly| about)? ${COUNT}\b`, 'gi'),
    new RegExp(String.raw`death toll (?:\w+ ){0,4}(?:to |of |at |reached |rises to |climbs to )?${COUNT}`, 'gi'),
  ];
  for (const pattern of patterns) {
    for (const match of text.matchAll(pattern)) {
      const word = match[1]!.toLowerCase();
      const value = NUMBER_WORDS[word] ?? Number.parseInt(word.replace(/,/g, ''), 10);
      if (Number.isFinite(value) && value < 10_000_000) largest = Math.max(largest, value);
    }
  }
  return largest;
}

const RULES: Rule[] = [
  // flash: transcendent events only; every false flash wakes people up for nothing.
  { wire: 'flash', label: 'head of state killed', test: (lead) => {
    const hit = find(new RegExp(String.raw`\b${LEADER}\b(?: [A-Z][\w'-]+){0,3},?(?: \w+){0,3} (?:is |was |has been )?(?:assassinated|killed|shot dead|murdered)\b`, 'i'), lead);
    return hit && !new RegExp(NOT_NOW, 'i').test(hit) ? hit : undefined;
  } },
  { wire: 'flash', label: 'war declared', test: (lead) => find(/\bdeclar(?:es|ed|ing) war\b|\bdeclaration of war\b/i, lead) },
  { wire: 'flash', label: 'nuclear or chemical incident', test: (lead) =>
    find(/\b(?:nuclear (?:explosion|blast|detonation|meltdown|accident|leak|attack)|chemical (?:weapons? )?attack|dirty bomb (?:attack|explod))\w*/i, lead) },
  { wire: 'flash', label: 'mass casualties', test: (lead) => {
    if (casualtyCount(lead) < 50) return undefined;
    return near(DEATH, `(?:${VIOLENCE}|${DISASTER})`, lead, 160);
  } },
  // bulletin: major breaking news.
  { wire: 'bulletin', label: 'deadly attack', test: (lead) => {
    const hit = near(DEATH, VIOLENCE, lead);
    return hit && !new RegExp(String.raw`${NOT_NOW}\s+(?:\w+\s+){0,2}(?:${DEATH})`, 'i').test(hit) ? hit : undefined;
  } },
  { wire: 'bulletin', label: 'deadly disaster', test: (lead) =>
    // Drowning or burning to death is itself the accident: "30 migrants drown off Libya". One
    // death of that kind is a local story, so it takes a few.
    near(DEATH, DISASTER, lead) ?? (casualtyCount(lead) >= 3 ? find(/\b(?:drown(?:s|ed|ing)?|(?:burn(?:ed|t)|crushed|trampled|frozen) to death)\b/i, lead) : undefined) },
  { wire: 'bulletin', label: 'military attack on national forces', test: (lead) =>
    near(String.raw`(?:fir(?:es|ed|ing)|launch(?:es|ed|ing)|strikes?|struck|attack(?:s|ed)?|pound(?:s|ed)?)`, String.raw`(?:missiles?|rockets?|air ?strikes?|warplanes?|bombers?)[^.;]{0,80}\b(?:base|troops|forces|soldiers|army|capital|embassy)`, lead, 60) },
  // The rubric: "hostages taken or killed".
  { wire: 'bulletin', label: 'hostages killed', test: (_, headline) =>
    find(/\bhostages?'? (?:deaths?|killed|slain|executed|murdered|dead)\b|\b(?:kill(?:s|ed)?|execut(?:es|ed)|murder(?:s|ed)?) (?:\w+ ){0,2}hostages?\b/i, headline) },
  { wire: 'bulletin', label: 'hostages taken', test: (lead, headline) =>
    find(/\b(?:kidnap(?:s|ped|ping)?|abduct(?:s|ed|ing)?|seiz(?:e|es|ed) (?:[\w-]+ ){0,3}(?:hostage|contractor|journalist|worker|engineer|tourist|diplomat)s?|taken hostage|(?:take|takes|took|taking) (?:[\w-]+ ){0,2}hostages?|hostage[- ]taking|behead(?:ed|s|ing|ings)?)\b/i, headline) },
  // The rubric: "a national leader resigns, dies or is ousted": the one in office, not a former
  // one, a deputy, or the leader of a province or state.
  { wire: 'bulletin', label: 'leader resigns, dies or is ousted', test: (_, headline) => {
    const hit = find(new RegExp(String.raw`\b${LEADER}\b(?: [A-Z][\w'-]+){0,3} (?:dies|died|ousted|toppled|overthrown|deposed|resigns|resigned|quits|steps down|stepped down)\b`, 'i'), headline);
    const lesser = new RegExp(String.raw`\b(?:former|ex-|deputy|vice|acting|interim|provincial|state|regional)\s*${LEADER}\b`, 'i');
    return hit && !lesser.test(headline) ? hit : undefined;
  } },
  // The rubric: "collapse of a major company" (a bankruptcy filing alone is urgent, below).
  { wire: 'bulletin', label: 'company collapses', test: (_, headline) =>
    find(/\b(?:airline|bank|carrier|insurer|retailer|automaker|carmaker|company|firm|giant|conglomerate|brokerage)s?\b[^.]{0,30}\b(?:collapses|collapsed|goes bust|went bust|goes under|went under)\b|\b(?:goes|went) into (?:administration|liquidation)\b|\bceases? (?:trading|operations|flying)\b/i, headline) },
  { wire: 'bulletin', label: 'election decided', test: (_, headline) => {
    // "Set to sweep the election" is a forecast, not a result.
    if (/\b(?:set|poised|expected|likely|tipped|bids?|seeks?|hopes?) to\b/i.test(headline)) return undefined;
    return find(/\b(?:wins?|won|re-?elected|concedes?|declared winner|claims victory|sweeps?)\b[^.]{0,40}\b(?:election|presidency|presidential|vote|poll|ballot|referendum)s?\b|\bconcedes? (?:defeat|election|race)\b|\b(?:wins?|won|secures?|secured) (?:a )?(?:second|third|fourth|fifth|new) term\b|\b(?:wins?|won) re-?election\b|\bdeclared (?:the )?winner\b/i, headline);
  } },
  // The rubric's "landmark verdicts": a country's highest court deciding, not being asked to.
  { wire: 'bulletin', label: 'highest court rules', test: (lead) =>
    find(/\b(?:supreme|highest|top|constitutional) court(?:,[^,]{0,60},)?(?: (?:on|has|this|last|late|\w+day)){0,3} (?:ruled|rules|struck down|strikes down|overturned|overturns|upheld|upholds|threw out|throws out)\b/i, lead) },
  { wire: 'bulletin', label: 'market crash', test: (_, headline) =>
    find(/\b(?:stocks?|markets?|shares|dow|nasdaq|ftse|nikkei|bourse)\b[^.]{0,30}\b(?:crash|crashes|crashed|plunge|plunges|plunged|plummet\w*|collapse\w*|meltdown)\b/i, headline) },
  // urgent: significant new developments.
  { wire: 'urgent', label: 'violence or disaster with injuries', test: (lead) =>
    near(String.raw`(?:injur\w*|wound\w*|hurt)`, `(?:${VIOLENCE}|${DISASTER})`, lead) },
  { wire: 'urgent', label: 'attack or military operation', test: (_, headline) =>
    find(/\b(?:bomb(?:s|ing|ings|ed)?|blasts?|explosions?|attacks?|attacked|clash(?:es|ed)?|siege|offensive|airstrikes?|air strikes?|storm(?:s|ed)|thrust|invade[sd]?|shell(?:s|ed|ing)|raids?|unrest|riots?|coup)\b/i, headline) },
  { wire: 'urgent', label: 'arrest, charge or verdict', test: (_, headline) =>
    find(/\b(?:arrest(?:s|ed)?|charged|indicted|detained|captured|held over|extradit\w+|sentenced|jail(?:s|ed)|convicted|guilty|acquitted|court rul\w+|rules? against)\b/i, headline) },
  { wire: 'urgent', label: 'resignation or withdrawal', test: (_, headline) =>
    find(/\b(?:resign(?:s|ed)?|quits?|steps? down|stepping down|pulls? out|ousts?)\b/i, headline) },
  { wire: 'urgent', label: 'hostage development', test: (_, headline) =>
    find(/\b(?:hostages?|captives?|kidnappers?|kidnap victim)\b/i, headline) },
  { wire: 'urgent', label: 'merger or takeover', test: (_, headline) =>
    find(/\b(?:agree(?:s|d)? to (?:buy|acquire|merge|sell)|to (?:buy|acquire) [A-Z]|merg(?:e|es|er|ing)|takeover|buyout|acquisition)\b/i, headline) },
  { wire: 'urgent', label: 'bankruptcy or layoffs', test: (_, headline) =>
    find(/\b(?:bankrupt\w*|chapter 11|insolven\w+|(?:cut|cuts|slash\w*|eliminat\w+) (?:\d[\d,]* |\w+ )?jobs|job cuts|lay(?:s)? off|layoffs)\b/i, headline) },
  { wire: 'urgent', label: 'title decided', test: (_, headline) =>
    find(/\b(?:wins?|won|clinch\w*|captures?|takes?|claims?) (?:the |his |her |their |a |an )?(?:\w+ ){0,2}(?:title|championship|gold|world series|super bowl|cup|crown|final)\b|\bolympic (?:champion|title|gold)\b|\bsemi-?finals?\b/i, headline) },
  { wire: 'urgent', label: 'notable death', test: (_, headline) => find(/\b(?:dies|died|dead at \d+|passes away)\b/i, headline) },
  { wire: 'urgent', label: 'storm approaching', test: (_, headline) =>
    find(/\b(?:hurricane|typhoon|cyclone|tropical storm|storm)\b[^.]{0,30}\b(?:heads?|bears? down|approach\w*|nears?|slams?|hits?|lash\w*|landfall|strengthens)\b/i, headline) },
  { wire: 'urgent', label: 'major decision', test: (_, headline) =>
    find(/\b(?:vetoe?s|vetoed|bans?|banned|ratif\w+|pulled (?:off|from) (?:the )?market|recalls?|orders? (?:\w+ ){0,2}(?:warning|withdrawal|recall)|approves? (?:\w+ ){0,2}(?:membership|plan|law|bill|deal))\b/i, headline) },
  { wire: 'urgent', label: 'plot or threat foiled', test: (_, headline) =>
    find(/\b(?:plot(?:ted|s)? to (?:kill|assassinate|attack|bomb)|bomb threat|foiled)\b/i, headline) },
];

/** Cues of features, opinion and follow-ups: they make a story less urgent, never more. */
const SOFT_NEWS = /\b(?:review|preview|analysis|opinion|commentary|column|editorial|interview|profile|q&a|how to|tips|guide to|anniversary|years (?:after|ago|on)|looking back|remember\w*|mourn\w*|funeral|memorial|inquiry into|lessons|what (?:it|you|we)|why (?:the|we|it)|ahead of|could|may|might|would)\b|\?\s*$/i;

const LADDER: Wire[] = ['flash', 'bulletin', 'urgent', 'routine'];
const URGENCY_OF: Record<Wire, number> = { flash: 1, bulletin: 2, urgent: 3, routine: 5 };

export function wireOf(urgency: number): Wire {
  return urgency <= 1 ? 'flash' : urgency === 2 ? 'bulletin' : urgency === 3 ? 'urgent' : 'routine';
}

function quote(text: string): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return `"${clean.length > 80 ? `${clean.slice(0, 77)}…` : clean}"`;
}

/**
 * Scores urgency from the headline and the first sentence of the body.
 *
 * @example scoreUrgency('Blast kills seven in Baghdad', 'A car bomb exploded…').wire // 'bulletin'
 */
export function scoreUrgency(headline: string, lead: string): UrgencyResult {
  const text = `${headline}. ${lead}`;
  let level = LADDER.length - 1;
  const reasons: string[] = [];
  for (const rule of RULES) {
    const index = LADDER.indexOf(rule.wire);
    if (index > level) continue;
    const hit = rule.test(text, headline);
    if (hit === undefined) continue;
    if (index < level) reasons.length = 0;
    level = index;
    reasons.push(`${rule.label}: ${quote(hit)}`);
  }
  const soft = SOFT_NEWS.exec(headline);
  if (soft && level < LADDER.length - 1) {
    level += 1;
    reasons.push(`soft-news cue lowers urgency: ${quote(soft[0])}`);
  }
  const wire = LADDER[level]!;
  let urgency = URGENCY_OF[wire];
  if (wire === 'routine') {
    if (soft) {
      urgency = 6;
      reasons.push(`soft-news cue: ${quote(soft[0])}`);
    } else if (reasons.length === 0) {
      reasons.push('no breaking-news signal');
    }
  }
  return { urgency, wire, reasons };
}
