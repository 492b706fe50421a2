/**
 * Country names, demonyms and capitals → ISO 3166-1 alpha-2, built once from the
 * `world-countries` data (mledoze/countries, ODbL-1.0; see countries.data.ts), plus the
 * forms news uses that the data lacks ("U.S.", "Britain", "Americans").
 */
import { COUNTRIES } from './countries.data.js';

export interface GazetteerEntry {
  countryCode: string;
  /** The country's common English name. */
  country: string;
  /** What the text named: the country itself, its people, or a city. */
  kind: 'country' | 'demonym' | 'city';
  /** The city's name when kind is 'city'. */
  city?: string;
}

/** Forms news writes that the package does not carry, or carries for another country. */
const EXTRA: Array<[string, string, GazetteerEntry['kind']]> = [
  ['U.S.', 'US', 'country'], ['US', 'US', 'country'], ['USA', 'US', 'country'], ['U.S.A.', 'US', 'country'],
  ['America', 'US', 'country'], ['Americans', 'US', 'demonym'], ['Washington', 'US', 'city'],
  ['New York', 'US', 'city'], ['Los Angeles', 'US', 'city'], ['Chicago', 'US', 'city'],
  ['U.K.', 'GB', 'country'], ['UK', 'GB', 'country'], ['Britain', 'GB', 'country'], ['Great Britain', 'GB', 'country'],
  ['England', 'GB', 'country'], ['Scotland', 'GB', 'country'], ['Wales', 'GB', 'country'], ['English', 'GB', 'demonym'],
  ['Scottish', 'GB', 'demonym'], ['Welsh', 'GB', 'demonym'], ['Britons', 'GB', 'demonym'],
  ['Russians', 'RU', 'demonym'], ['Soviet', 'RU', 'demonym'], ['Chinese', 'CN', 'demonym'], ['Beijing', 'CN', 'city'],
  ['Shanghai', 'CN', 'city'], ['Hong Kong', 'HK', 'country'], ['Taiwanese', 'TW', 'demonym'],
  ['North Korea', 'KP', 'country'], ['North Korean', 'KP', 'demonym'], ['Pyongyang', 'KP', 'city'],
  ['South Korea', 'KR', 'country'], ['South Korean', 'KR', 'demonym'], ['Seoul', 'KR', 'city'],
  ['Israelis', 'IL', 'demonym'], ['Palestinian', 'PS', 'demonym'], ['Palestinians', 'PS', 'demonym'],
  ['Gaza', 'PS', 'city'], ['West Bank', 'PS', 'country'], ['Iraqis', 'IQ', 'demonym'], ['Iranians', 'IR', 'demonym'],
  ['Afghans', 'AF', 'demonym'], ['Pakistanis', 'PK', 'demonym'], ['Syrians', 'SY', 'demonym'],
  ['Saudi', 'SA', 'demonym'], ['Saudis', 'SA', 'demonym'], ['Sudanese', 'SD', 'demonym'], ['Darfur', 'SD', 'country'],
  ['Congo', 'CD', 'country'], ['Ivory Coast', 'CI', 'country'], ['Czech Republic', 'CZ', 'country'],
  ['Holland', 'NL', 'country'], ['Dutch', 'NL', 'demonym'], ['Filipino', 'PH', 'demonym'], ['Burma', 'MM', 'country'],
  ['Mumbai', 'IN', 'city'], ['Bombay', 'IN', 'city'], ['Sydney', 'AU', 'city'], ['Melbourne', 'AU', 'city'],
  ['Toronto', 'CA', 'city'], ['Montreal', 'CA', 'city'], ['Vancouver', 'CA', 'city'], ['Istanbul', 'TR', 'city'],
  ['Johannesburg', 'ZA', 'city'], ['Frankfurt', 'DE', 'city'], ['Munich', 'DE', 'city'], ['Milan', 'IT', 'city'],
  ['St. Petersburg', 'RU', 'city'], ['Karachi', 'PK', 'city'], ['Lagos', 'NG', 'city'], ['Basra', 'IQ', 'city'],
  ['Mosul', 'IQ', 'city'], ['Fallujah', 'IQ', 'city'], ['Najaf', 'IQ', 'city'], ['Kandahar', 'AF', 'city'],
  ['Chechnya', 'RU', 'country'], ['Kashmir', 'IN', 'country'], ['Tibet', 'CN', 'country'], ['Kurdish', 'IQ', 'demonym'],
];

/**
 * Names that are also common words, people or US states: kept out, because a false
 * country costs an editor more than a missed one.
 */
const AMBIGUOUS = new Set([
  'Georgia', 'Jordan', 'Chad', 'Guinea', 'Turkey', 'China', 'Niger', 'Mali', 'Jersey', 'Guernsey', 'Victoria',
  'Kingston', 'Santiago', 'Valletta', 'Saint', 'Man', 'Lima', 'Nice', 'Male', 'Bern', 'Sofia', 'Paris',
  'Independent', 'Federal', 'Republic', 'Union', 'Bay', 'City', 'Island', 'Islands', 'Kingdom', 'State', 'States',
  'American', 'Indian', 'Dominican', 'Central', 'Christmas', 'Georgian', 'Jordanian',
]);
/** Ambiguous in general but safe as a country name in news prose, when capitalised. */
const SAFE_DESPITE_AMBIGUITY: Array<[string, string, GazetteerEntry['kind']]> = [
  ['China', 'CN', 'country'], ['Turkey', 'TR', 'country'], ['Jordanian', 'JO', 'demonym'], ['Paris', 'FR', 'city'],
  ['American', 'US', 'demonym'], ['Indian', 'IN', 'demonym'], ['Chad', 'TD', 'country'], ['Niger', 'NE', 'country'],
  ['Mali', 'ML', 'country'], ['Sofia', 'BG', 'city'], ['Georgian', 'GE', 'demonym'], ['Lima', 'PE', 'city'],
];

export type Gazetteer = Map<string, GazetteerEntry>;

/** Keys are the exact written form (case matters: "US" the country, "us" the pronoun). */
export function buildGazetteer(): Gazetteer {
  const map: Gazetteer = new Map();
  const names = new Map<string, string>();
  for (const [code, common] of COUNTRIES) names.set(code, common);
  const add = (form: string, code: string, kind: GazetteerEntry['kind']) => {
    const country = names.get(code) ?? code;
    if (!map.has(form)) map.set(form, { countryCode: code, country, kind, ...(kind === 'city' ? { city: form } : {}) });
  };
  for (const [form, code, kind] of EXTRA) add(form, code, kind);
  for (const [form, code, kind] of SAFE_DESPITE_AMBIGUITY) add(form, code, kind);
  for (const [code, common, official, independent, altSpellings, demonyms, capitals] of COUNTRIES) {
    if (!independent) continue;
    const forms: Array<[string, GazetteerEntry['kind']]> = [[common, 'country'], [official, 'country']];
    for (const alt of altSpellings) forms.push([alt, 'country']);
    for (const demonym of demonyms) forms.push([demonym, 'demonym'], [`${demonym}s`, 'demonym']);
    for (const capital of capitals) forms.push([capital, 'city']);
    for (const [form, kind] of forms) if (form && !AMBIGUOUS.has(form)) add(form, code, kind);
  }
  return map;
}

/** How many words the longest gazetteer key has: the place matcher looks no further. */
export function longestKey(gazetteer: Gazetteer): number {
  let longest = 1;
  for (const key of gazetteer.keys()) longest = Math.max(longest, key.split(' ').length);
  return Math.min(longest, 5);
}
