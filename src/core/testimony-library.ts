import type { ContentIndex } from './content-index.js';
import { presentTestimony, type TestimonyView } from './present-suggestions.js';
import type { Lang } from './text.js';

/**
 * Every testimony of the content, in the reader's language, with the indicators of the actions
 * that cite it: what an organiser picks from for a workshop (those of its pillar first).
 */
export function testimonyLibrary(index: ContentIndex, lang: Lang): (TestimonyView & { indicators: string[] })[] {
  const cited = new Map<string, Set<string>>();
  for (const action of index.content.actions) {
    for (const id of action.testimonies) (cited.get(id) ?? cited.set(id, new Set()).get(id)!).add(action.indicator);
  }
  return index.content.testimonies
    .map((t) => ({ ...presentTestimony(t, lang), indicators: [...(cited.get(t.id) ?? [])].sort() }))
    .sort((a, b) => a.organisation.name.localeCompare(b.organisation.name, lang) || a.id.localeCompare(b.id));
}
