import { describe, expect, it } from 'vitest';
import { draftPlanDocument } from '../src/app/plan-document-data.js';
import { renderReport } from '../src/cli/render-report.js';
import { loadContent } from '../src/content/load-content.js';
import { presentReport } from '../src/core/present.js';
import { presentSuggestions } from '../src/core/present-suggestions.js';
import { createScorer, score } from '../src/core/score.js';
import { suggestActions as suggest } from '../src/app/suggest-actions.js';
import { bilingual } from '../src/core/text.js';
import { frenchTypography } from '../src/core/typography.js';
import { frenchFaults } from './support/french-faults.js';

/**
 * Every string a reader sees, checked as a whole rather than one by one: French typography
 * (no-break spaces before : ; ! ? % and inside « », ’ for the apostrophe), no "(s)" plurals, no
 * straight quotes in English. Each part of the server that words something for readers is walked
 * here; the web interface's own words are in e2e/interface-words.test.ts.
 */
const loaded = loadContent();
if (!loaded.ok) throw new Error('content');
const { content, examples } = loaded.value;
const scorer = createScorer(content);
const example = examples.find((e) => e.file.endsWith('scop-40.json'))!.data;

/** Every string inside a structure, with where it was. */
function strings(value: unknown, at = ''): [string, string][] {
  if (typeof value === 'string') return [[at, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${at}/${i}`));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => strings(v, `${at}/${k}`));
  return [];
}

const faultsOf = (entries: [string, string][]) => entries.flatMap(([at, text]) => frenchFaults(text).map((f) => `${at}: ${f}`));

describe('French typography', () => {
  it('when a text is typed with ordinary spaces, then it gets no-break ones where French wants them, and nothing else changes', () => {
    expect(frenchTypography('Score : 45 % ; « bien » ? oui ! l\'action n° 3')).toBe('Score\u00a0: 45\u00a0%\u00a0; «\u00a0bien\u00a0»\u00a0? oui\u00a0! l’action n°\u00a03');
    expect(frenchTypography('45%, «bien»')).toBe('45\u00a0%, «\u00a0bien\u00a0»');
    const typed = frenchTypography('Score : 45 %');
    expect(frenchTypography(typed)).toBe(typed);
    for (const left of ['10:30', 'https://example.org/a%20b?x=1', 'Content-Type: application/json', '2023%20final']) expect(frenchTypography(left)).toBe(left);
  });

  it('when a message is written side by side in both languages, then its French side is typeset and its English side left as written', () => {
    expect(bilingual('Erreur : voir « ceci » ; l\'ordre', 'Error: see "this"; the order')).toEqual({ fr: 'Erreur\u00a0: voir «\u00a0ceci\u00a0»\u00a0; l’ordre', en: 'Error: see "this"; the order' });
  });
});

describe('every string a reader sees', () => {
  it('when content is loaded, then every French text of it is typeset, whatever spaces its authors typed', () => {
    const french = strings(content).filter(([at]) => at.endsWith('/fr'));
    expect(french.length).toBeGreaterThan(1000);
    expect(faultsOf(french)).toEqual([]);
  });

  it('when suggestions are worded in French, then their reasons follow French typography too', async () => {
    const outcome = await suggest(scorer, example);
    if (!outcome.ok) throw new Error('suggest');
    const words = strings(presentSuggestions(scorer.index, outcome.value.suggestions.slice(0, 10), 'fr'));
    // A testimony's source is cited as its publisher wrote it (title, publisher), in whatever language.
    expect(faultsOf(words.filter(([at]) => !at.includes('/source/')))).toEqual([]);
  });

  it('when the plan PDF is worded in French, then every string of it is typeset, and its cover names the content edition without its hash', async () => {
    const built = await draftPlanDocument(scorer, example, 'fr', '2026-11-21');
    if (!built.ok) throw new Error('document');
    expect(faultsOf(strings(built.value))).toEqual([]);
    expect(built.value.cover.lines.join(' ')).not.toMatch(/\+[0-9a-f]{12}/);
    const edition = scorer.index.content.weights.version;
    expect(built.value.cover.lines.join(' ')).toContain(`référentiel ${edition}`);
    expect(built.value.meta.keywords).toContain(`référentiel ${scorer.index.content.version}`);
  });

  it('when the CLI prints a score report, then an answer line names its question in words, never by its id', async () => {
    const outcome = await score(scorer, example);
    if (!outcome.ok) throw new Error('score');
    const report = renderReport(presentReport(scorer.index, outcome.value, 'fr', 'Scop'));
    expect(report).not.toMatch(/réponse\s*: [a-z0-9-]+ =/);
    expect(report).toContain('→ «\u00a0Où en êtes-vous dans la réduction de vos émissions\u00a0?\u00a0»\u00a0: ');
    const english = renderReport(presentReport(scorer.index, outcome.value, 'en', 'Scop'));
    expect(english).toContain('→ “Where do you stand on reducing your emissions?”: ');
    const ids = [...scorer.index.questions.keys()];
    const answerLines = report.split('\n').filter((l) => l.trim().startsWith('→'));
    expect(answerLines.length).toBeGreaterThan(20);
    expect(answerLines.filter((l) => ids.some((id) => l.includes(` ${id} `)))).toEqual([]);
  });
});
