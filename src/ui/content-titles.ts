import type { Questionnaires } from './api-types.js';

/** Pillars' and indicators' titles by id, in the interface's language: a page never shows an id. */
export function contentTitles(content: Questionnaires): Map<string, string> {
  return new Map(content.pillars.flatMap((p) => [[p.id, p.title] as const, ...p.indicators.map((i) => [i.id, i.title] as const)]));
}

/** Which pillar each indicator belongs to. */
export function pillarOfIndicator(content: Questionnaires): Map<string, string> {
  return new Map(content.pillars.flatMap((p) => p.indicators.map((i) => [i.id, p.id] as const)));
}

/** What a workshop covers, in words: its pillar, or its indicators. */
export const scopeOf = (w: { pillar: string | null; indicators: readonly string[] }, titles: Map<string, string>) =>
  (w.pillar !== null ? titles.get(w.pillar) ?? '' : w.indicators.map((i) => titles.get(i) ?? '').join(', '));
