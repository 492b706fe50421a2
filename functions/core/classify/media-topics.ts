/**
 * The IPTC Media Topics newsalert speaks: the 17 top-level subjects and the level-2
 * subjects the classifier can name. Codes and labels are IPTC's (CC BY 4.0,
 * https://iptc.org/standards/media-topics/).
 */

export const TOP_LEVEL_TOPICS = {
  'medtop:01000000': 'arts, culture, entertainment and media',
  'medtop:02000000': 'crime, law and justice',
  'medtop:03000000': 'disaster, accident and emergency incident',
  'medtop:04000000': 'economy, business and finance',
  'medtop:05000000': 'education',
  'medtop:06000000': 'environment',
  'medtop:07000000': 'health',
  'medtop:08000000': 'human interest',
  'medtop:09000000': 'labour',
  'medtop:10000000': 'lifestyle and leisure',
  'medtop:11000000': 'politics',
  'medtop:12000000': 'religion',
  'medtop:13000000': 'science and technology',
  'medtop:14000000': 'society',
  'medtop:15000000': 'sport',
  'medtop:16000000': 'conflict, war and peace',
  'medtop:17000000': 'weather',
} as const;

export type TopLevelCode = keyof typeof TOP_LEVEL_TOPICS;

/** Level-2 subjects: label and parent. */
export const SUBTOPICS: Record<string, { label: string; parent: TopLevelCode }> = {
  'medtop:20000053': { label: 'act of terror', parent: 'medtop:16000000' },
  'medtop:20000056': { label: 'armed conflict', parent: 'medtop:16000000' },
  'medtop:20000065': { label: 'civil unrest', parent: 'medtop:16000000' },
  'medtop:20000070': { label: "coup d'etat", parent: 'medtop:16000000' },
  'medtop:20000073': { label: 'peace process', parent: 'medtop:16000000' },
  'medtop:20000082': { label: 'crime', parent: 'medtop:02000000' },
  'medtop:20000106': { label: 'judiciary', parent: 'medtop:02000000' },
  'medtop:20000129': { label: 'law enforcement', parent: 'medtop:02000000' },
  'medtop:20000139': { label: 'accident and emergency incident', parent: 'medtop:03000000' },
  'medtop:20000148': { label: 'disaster', parent: 'medtop:03000000' },
  'medtop:20000170': { label: 'business information', parent: 'medtop:04000000' },
  'medtop:20000344': { label: 'economy', parent: 'medtop:04000000' },
  'medtop:20000385': { label: 'market and exchange', parent: 'medtop:04000000' },
  'medtop:20000446': { label: 'diseases and conditions', parent: 'medtop:07000000' },
  'medtop:20000524': { label: 'labour relations', parent: 'medtop:09000000' },
  'medtop:20000574': { label: 'election', parent: 'medtop:11000000' },
  'medtop:20000593': { label: 'government', parent: 'medtop:11000000' },
  'medtop:20000638': { label: 'international relations', parent: 'medtop:11000000' },
  'medtop:20000418': { label: 'climate change', parent: 'medtop:06000000' },
  'medtop:20000735': { label: 'scientific research', parent: 'medtop:13000000' },
  'medtop:20000756': { label: 'technology and engineering', parent: 'medtop:13000000' },
  'medtop:20001108': { label: 'sport event', parent: 'medtop:15000000' },
  'medtop:20001129': { label: 'weather phenomena', parent: 'medtop:17000000' },
};

/** Every code this module knows, top-level or level-2. */
export function isKnownTopic(code: string): boolean {
  return code in TOP_LEVEL_TOPICS || code in SUBTOPICS;
}

export function topicLabel(code: string): string {
  return (TOP_LEVEL_TOPICS as Record<string, string>)[code] ?? SUBTOPICS[code]?.label ?? code;
}
