/**
 * Turns text as it arrives from CMSs, wires and scrapers into clean prose, so that feed
 * noise ("advertisement" lines, "– With wires", AG News' `#36;` escapes, "(AP)" tags, HTML)
 * never reaches the classifier or a subscriber's phone.
 */

const ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', hellip: '…', eacute: 'é', egrave: 'è',
};

/** Lines that scrapers pick up around a story and that carry no news. */
const NOISE_LINE = new RegExp(
  '^(' +
    [
      'advertisement', 'advertising', 'ad', 'sponsored( content)?', 'story continues( below)?( advertisement)?',
      '[-–—]*\\s*with (wires|wire services|agencies|ap|reuters|afp)', 'share( this)?( article| story)?',
      '(subscribe|sign up)( now)?( to [^.]{0,60})?', 'read more:?.{0,80}', 'related:?.{0,80}',
      'click here.{0,80}', 'follow us.{0,80}', '(image|photo|video)( credit)?:.{0,120}', 'getty images',
      'copyright .{0,80}', '©.{0,80}', 'all rights reserved\\.?',
    ].join('|') +
    ')\\s*\\.?$',
  'i',
);

/** Source tags at the start of wire copy: "AP - ", "Reuters - ", "LONDON (Reuters) - ", "Canadian Press - ". */
const LEAD_SOURCE_TAG =
  /^\s*(?:(?:AP|AFP|Reuters|Canadian Press|CP|AFX|Xinhua|UPI|DPA|PA|Bloomberg|SPACE\.com|washingtonpost\.com|[A-Z][A-Za-z.]+\.com)\s+-\s+)+/;
const TRAILING_SOURCE_TAG = /\s*\((?:AP|AFP|Reuters|Canadian Press|CP|AFX|Xinhua|UPI|DPA|PA|Bloomberg|[A-Za-z.]+\.com)\)\s*$/;
/** "VANCOUVER (CP) -", "LONDON (Reuters) -": a dateline with its agency. */
const DATELINE = /^\s*([A-Z][A-Z .,'-]{1,40}?)\s*(?:,\s*[A-Z][A-Za-z.]{1,20}\s*)?\((?:AP|AFP|Reuters|CP|Canadian Press|AFX|Xinhua|UPI|DPA|PA)\)\s*[-–—]+\s*/;

/** Decodes HTML entities, including the `#36;`-style ones AG News left without their ampersand. */
export function decodeEntities(text: string): string {
  return text
    .replace(/&#x([0-9a-f]{1,6});/gi, (_, hex: string) => safeCodePoint(parseInt(hex, 16)))
    .replace(/&?#(\d{1,7});/g, (_, dec: string) => safeCodePoint(parseInt(dec, 10)))
    .replace(/&([a-z]{2,8});/gi, (whole, name: string) => ENTITIES[name.toLowerCase()] ?? whole)
    // AG News also lost the ampersand of named entities: "J amp;J", " quot;The army quot;".
    .replace(/(^|[\s(])(amp|quot|apos|lt|gt);/g, (_, before: string, name: string) => before + ENTITIES[name]);
}

function safeCodePoint(cp: number): string {
  return cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff) ? String.fromCodePoint(cp) : ' ';
}

/** HTML to text: block elements become line breaks, scripts and styles vanish, tags are dropped. */
export function htmlToText(html: string): string {
  return decodeEntities(
    html
      .replace(/<(script|style|noscript|template)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ')
      .replace(/<!--[\s\S]*?-->/g, ' ')
      .replace(/<(br|\/p|\/div|\/h[1-6]|\/li|\/blockquote|\/tr|\/figure|hr)\b[^>]*>/gi, '\n')
      .replace(/<[^>]*>/g, ' '),
  );
}

/** Removes what is not prose from one line; returns '' for a line that is all noise. */
function cleanLine(line: string): string {
  const collapsed = line.replace(/[\t\f\v \u00a0\u2000-\u200b\u202f\u205f\u3000]+/g, ' ').trim();
  if (collapsed === '' || NOISE_LINE.test(collapsed)) return '';
  return collapsed;
}

/**
 * Normalises a body: HTML already converted, entities decoded, feed noise dropped,
 * whitespace collapsed, paragraphs kept as single newlines.
 *
 * @example normaliseText('advertisement\n\nIran fires missiles.\n\n– With wires') // 'Iran fires missiles.'
 */
export function normaliseText(raw: string): string {
  const text = decodeEntities(raw)
    .replace(/\r\n?/g, '\n')
    // AG News escapes line breaks as a backslash; a lone backslash is never prose.
    .replace(/\\+/g, ' ')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/g, ' ');
  const lines = text.split('\n').map(cleanLine).filter((line) => line !== '');
  // The lead loses its agency tags; what remains may itself be noise ("Reuters - advertisement").
  while (lines.length > 0) {
    lines[0] = cleanLine(stripLeadTags(lines[0]!));
    if (lines[0] !== '') break;
    lines.shift();
  }
  return lines.join('\n');
}

/** Strips agency tags and datelines from the start of a lead; keeps the dateline's city for place detection elsewhere. */
export function stripLeadTags(lead: string): string {
  let out = lead.replace(LEAD_SOURCE_TAG, '');
  out = out.replace(DATELINE, '');
  return out.trim();
}

/** Finds the dateline city of a raw lead ("VANCOUVER (CP) - …" → "Vancouver"), if any. */
export function datelineOf(rawLead: string): string | undefined {
  const match = DATELINE.exec(rawLead.replace(LEAD_SOURCE_TAG, ''));
  if (!match?.[1]) return undefined;
  return match[1].trim().toLowerCase().replace(/\b\w/g, (c) => c.toUpperCase());
}

/** A headline is one line: noise tags such as "(AP)" and "(Reuters)" removed. */
export function normaliseHeadline(raw: string): string {
  const line = htmlToText(raw).replace(/\\+/g, ' ').replace(/\s+/g, ' ').trim();
  return line.replace(TRAILING_SOURCE_TAG, '').trim();
}
