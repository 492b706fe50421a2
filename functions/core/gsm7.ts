/**
 * GSM 03.38: the 7-bit alphabet of SMS. A message in it fits 160 characters per part;
 * one character outside it forces UCS-2 and 70. `toGsm7` maps what news copy carries
 * (curly quotes, dashes, ellipses, accents) to plain forms so that alerts stay in GSM-7.
 */

const BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
/** Each costs two septets (escape + character). */
const EXTENSION = '^{}\\[~]|€\f';

const BASIC_SET = new Set(BASIC);
const EXTENSION_SET = new Set(EXTENSION);

const PLAIN_FORMS: Record<string, string> = {
  '‘': "'", '’': "'", '‚': "'", '‛': "'", '′': "'", '`': "'", '´': "'",
  '“': '"', '”': '"', '„': '"', '‟': '"', '″': '"', '«': '"', '»': '"',
  '–': '-', '—': '-', '―': '-', '‐': '-', '‑': '-', '−': '-',
  '…': '...', '•': '-', '·': '-', '\u00a0': ' ', '\u2009': ' ', '\u202f': ' ', '\t': ' ',
  'ı': 'i', 'ł': 'l', 'Ł': 'L', 'đ': 'd', 'Đ': 'D', 'ø': 'ø', 'œ': 'oe', 'Œ': 'OE', 'þ': 'th',
  '™': '(TM)', '©': '(C)', '®': '(R)', '×': 'x', '÷': '/',
};

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export function isGsm7(text: string): boolean {
  for (const ch of text) if (!BASIC_SET.has(ch) && !EXTENSION_SET.has(ch)) return false;
  return true;
}

/** Replaces characters outside GSM-7 with plain forms where one exists; leaves the rest. */
export function toGsm7(text: string): string {
  let out = '';
  for (const ch of text) {
    if (BASIC_SET.has(ch) || EXTENSION_SET.has(ch)) out += ch;
    else if (ch in PLAIN_FORMS) out += PLAIN_FORMS[ch];
    else {
      // "ş" → "s", "ō" → "o": drop the accent when the base letter is in the alphabet.
      const base = ch.normalize('NFD').replace(/\p{M}+/gu, '');
      out += base !== ch && isGsm7(base) ? base : ch;
    }
  }
  return out;
}

/** Length in the units an SMS part is counted in: septets for GSM-7, UTF-16 code units for UCS-2. */
export function smsLength(text: string): { encoding: SmsEncoding; units: number } {
  if (!isGsm7(text)) return { encoding: 'UCS-2', units: text.length };
  let units = 0;
  for (const ch of text) units += EXTENSION_SET.has(ch) ? 2 : 1;
  return { encoding: 'GSM-7', units };
}

/** How many parts a message needs: one part holds 160/70; concatenated parts hold 153/67 each. */
export function smsParts(text: string): { encoding: SmsEncoding; units: number; parts: number } {
  const { encoding, units } = smsLength(text);
  const single = encoding === 'GSM-7' ? 160 : 70;
  const multi = encoding === 'GSM-7' ? 153 : 67;
  return { encoding, units, parts: units === 0 ? 1 : units <= single ? 1 : Math.ceil(units / multi) };
}
