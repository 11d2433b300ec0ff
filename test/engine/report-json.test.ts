import { describe, expect, it } from 'vitest';
import { differential } from '../support/differential.js';
import { generateAnswers, random } from '../support/generate-answers.js';
import { loadContent } from '../../src/content/load-content.js';
import type { AnswersDocument } from '../../src/core/content-model.js';
import { presentReport } from '../../src/core/present.js';
import { reportAtDetail, reportDetails, type ReportDetail } from '../../src/core/report-detail.js';
import { createScorer, score, type Scorer } from '../../src/core/score.js';
import type { Lang } from '../../src/core/text.js';
import { compiledScorer, reportJson } from '../../src/engine/index.js';

const loaded = loadContent();
if (!loaded.ok) throw new Error('content');
const { content, examples } = loaded.value;
const compiled = compiledScorer(content);
const reference = createScorer(content);

interface Case {
  doc: AnswersDocument;
  lang: Lang;
  organisation?: string;
  detail?: ReportDetail;
}

/** Core's presentation, stringified (the specification), against the engine's writer, on the same result. */
const both = (scorer: Scorer) => {
  const results = new Map<AnswersDocument, Awaited<ReturnType<typeof score>>>();
  const resultOf = async (doc: AnswersDocument) => results.get(doc) ?? results.set(doc, await score(scorer, doc)).get(doc)!;
  const oracle = async ({ doc, lang, organisation, detail = 'full' }: Case) => {
    const outcome = await resultOf(doc);
    return outcome.ok ? JSON.stringify(reportAtDetail(presentReport(scorer.index, outcome.value, lang, organisation), detail)) : 'invalid';
  };
  const fast = async ({ doc, lang, organisation, detail }: Case) => {
    const outcome = await resultOf(doc);
    return outcome.ok ? reportJson(scorer.index, outcome.value, lang, organisation, detail) : 'invalid';
  };
  return [oracle, fast] as const;
};

const inBothLanguages = (docs: AnswersDocument[], organisation?: (n: number) => string | undefined): Case[] =>
  docs.flatMap((doc, n) => (['fr', 'en'] as const).map((lang) => ({ doc, lang, organisation: organisation?.(n) })));

// Texts a writer could get wrong: quotes, backslashes, control and line-separator characters, a lone surrogate, emoji.
const ODD = ['« Coop’ "Le Lien" »', 'a\\b\nc\t\u0000\u2028\u2029', '\ud800 lone', 'Café 🌱'];

describe('the report as JSON text, written by the engine, held to core\'s presentation', () => {
  it('when the golden organisations are presented in French and English, with and without a name, then the texts are identical byte for byte', async () => {
    const cases = [...inBothLanguages(examples.map((e) => e.data)), ...inBothLanguages(examples.map((e) => e.data), (n) => ODD[n % ODD.length])];
    const [oracle, fast] = both(compiled);
    expect(await differential(oracle, fast, cases, { name: (c) => [c.lang, c.organisation] })).toBe(cases.length);
  });

  it('when 600 random assessments (some unanswered, some "n/a", odd texts in their text answers) are presented, then the texts are identical', async () => {
    const rand = random(2026_12_07);
    const docs = Array.from({ length: 600 }, (_, n) => {
      const doc = generateAnswers(compiled.index, rand, [0, 0.05, 0.3][n % 3]);
      for (const [id, value] of Object.entries(doc.answers)) if (typeof value === 'string' && compiled.index.questions.get(id)?.question.type === 'text') doc.answers[id] = ODD[n % ODD.length]!;
      return doc;
    });
    const [oracle, fast] = both(compiled);
    expect(await differential(oracle, fast, inBothLanguages(docs, (n) => (n % 2 ? ODD[n % ODD.length] : undefined)))).toBe(1200);
  });

  it('when the result comes from json-rules-engine (the reference), then the text is the same as its presentation too', async () => {
    const rand = random(7);
    const docs = [...examples.map((e) => e.data), ...Array.from({ length: 20 }, () => generateAnswers(reference.index, rand, 0.1))];
    const [oracle, fast] = both(reference);
    expect(await differential(oracle, fast, inBothLanguages(docs))).toBe(docs.length * 2);
  });

  it('when less is asked (explain=summary, explain=scores), then the text is core\'s report with only those members, in the same order, on golden and random assessments', async () => {
    const rand = random(2026_12_08);
    const docs = [...examples.map((e) => e.data), ...Array.from({ length: 100 }, (_, n) => generateAnswers(compiled.index, rand, [0, 0.3][n % 2]))];
    const cases = inBothLanguages(docs, (n) => ODD[n % ODD.length]).flatMap((c) => reportDetails.map((detail) => ({ ...c, detail })));
    const [oracle, fast] = both(compiled);
    expect(await differential(oracle, fast, cases, { name: (c) => [c.lang, c.detail] })).toBe(docs.length * 2 * 3);
    const first = await score(compiled, docs[0]!);
    if (!first.ok) throw new Error('example invalid');
    const sizes = Object.fromEntries(reportDetails.map((detail) => [detail, reportJson(compiled.index, first.value, 'fr', undefined, detail).length]));
    expect(sizes.scores).toBeLessThan(sizes.summary!);
    expect(sizes.summary).toBeLessThan(sizes.full! / 4);
  });
});

