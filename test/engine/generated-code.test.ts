import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { differential } from '../support/differential.js';
import { engineParts, loopedScores, withCodes } from '../support/engine-under-test.js';
import { generateAnswers, random } from '../support/generate-answers.js';
import { loadContent } from '../../src/content/load-content.js';
import { compile, evaluate, OPERATOR_MEANINGS, type Condition, type Literal, type Operator } from '../../src/core/condition.js';

const OPERATORS = Object.keys(OPERATOR_MEANINGS) as Operator[];
import { FACT_VALUES, VALUES } from '../support/condition-cases.js';
import { indexContent } from '../../src/core/content-index.js';
import type { AnswersDocument } from '../../src/core/content-model.js';
import { GeneratedCode } from '../../src/engine/code-writer.js';
import { slotTest } from '../../src/engine/condition-code.js';
import { compileContent } from '../../src/engine/index.js';
import { scoreOrNull } from '../../src/engine/row-scores.js';
import { checkRow, loadDocument, newRowState, type RowState } from '../../src/engine/row-state.js';
import { emptyScores } from '../../src/engine/row-scores.js';

const loaded = loadContent();
if (!loaded.ok) throw new Error('content');
const index = indexContent(loaded.value.content);
const { rules } = engineParts(index);
const code = new GeneratedCode();

// Facts of every shape json-rules-engine's operators treat apart: missing, NaN, numeric texts, lists.
const fact = fc.constantFrom<unknown>(undefined, null, true, false, 0, -0, 3, 7.5, 100, Number.NaN, Number.POSITIVE_INFINITY, '3', '3abc', '', 'Infinity', 'a', 'b', 'n/a', [], ['a'], ['a', 'b'], [3]);
const literal = fc.constantFrom<Literal>(true, false, 0, 3, 7.5, 50, 'a', 'b', '3', '', 'n/a');
const leaf = fc.record({
  fact: fc.constantFrom('x', 'y', 'unknown'),
  operator: fc.constantFrom(...OPERATORS),
  value: literal,
  list: fc.array(literal, { maxLength: 3 }),
}).map(({ fact: f, operator, value, list }): Condition => ({ fact: f, operator, value: operator === 'in' || operator === 'notIn' ? list : value }));
const condition = fc.letrec<{ c: Condition }>((tie) => ({
  c: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('c'), { maxLength: 3 }).map((all): Condition => ({ all })),
    fc.array(tie('c'), { maxLength: 3 }).map((any): Condition => ({ any })),
    tie('c').map((not): Condition => ({ not })),
  ),
})).c;

/** Valid rows, in states of their own. */
function rowsOf(docs: readonly AnswersDocument[]): RowState[] {
  return docs.map((doc) => {
    const state = newRowState(rules);
    if (!loadDocument(rules, state, doc) || !checkRow(rules, state)) throw new Error('generated document invalid');
    return state;
  });
}

/** Each indicator's generated function on a row: its scores and every criterion's points. */
function generated(state: RowState) {
  const into = emptyScores(rules);
  into.criteria.fill(Number.NaN);
  for (const indicator of rules.indicators) indicator.score(state.scored, state.status, state.codes, into);
  return { indicators: [...into.indicators].map(scoreOrNull), criteria: [...into.criteria] };
}

describe('generated code against the reference evaluator', () => {
  it('when random conditions (every operator, nested all/any/not) read facts of every shape, then the generated function agrees with evaluate', async () => {
    const slots = new Map([['x', 0], ['y', 1]]);
    const facts = (x: unknown, y: unknown) => ({ ...(x !== undefined && { x }), ...(y !== undefined && { y }) });
    const compared = await differential(
      ([c, x, y]) => evaluate(c, facts(x, y)),
      ([c, x, y]) => slotTest(code, 'test', c, slots)([x, y]),
      fc.tuple(condition, fact, fact),
      { runs: 5000 },
    );
    expect(compared).toBeGreaterThanOrEqual(5000);
  });

  it('when facts are read from an array by slot, then every operator, value and fact shape gives what core\'s map-reading closure gives', async () => {
    const slots = new Map([['y', 0], ['x', 1]]);
    const cases = OPERATORS.flatMap((operator) => VALUES[operator].flatMap((value) => FACT_VALUES.map((x) => ({
      condition: { any: [{ fact: 'x', operator, value }, { not: { fact: 'unknown', operator, value } }] } as Condition,
      x,
    }))));
    const compared = await differential(
      ({ condition, x }) => compile(condition)(new Map(x === undefined ? [] : [['x', x]])),
      ({ condition, x }) => slotTest(code, 'test', condition, slots)(['other', x]),
      cases,
      { name: ({ condition, x }) => [condition, x] },
    );
    expect(compared).toBe(cases.length);
  });

  it('when a literal of a content file holds quotes, backslashes, line breaks or code, then it stays a string in the generated code', () => {
    const texts = ['"); globalThis.hacked = true; ("', "'; throw 1; '", '\\', '${1+1}', 'a\nb', '\u2028\u2029', '</script>', '*/ x /*'];
    for (const text of texts) {
      const test = slotTest(code, 'test', { fact: 'x', operator: 'equal', value: text }, new Map([['x', 0]]));
      expect([text, test([text]), test(['other'])]).toEqual([text, true, false]);
    }
    expect((globalThis as { hacked?: boolean }).hacked).toBeUndefined();
  });

  it('when an indicator is scored by its generated function, then every random row gets what the step-by-step loop gives, criterion by criterion', async () => {
    const rand = random(11);
    const rows = rowsOf(Array.from({ length: 1500 }, () => generateAnswers(index, rand)));
    expect(await differential((state) => loopedScores(rules, state), generated, rows)).toBe(1500);
    // The random rows do reach criteria that do not apply.
    expect(rows.some((state) => loopedScores(rules, state).criteria.includes(-1))).toBe(true);
  });

  it('when rows carry their values\' codes, as a batch\'s do, then the generated functions give the same points, the second time round from what they kept by code', async () => {
    const rand = random(12);
    const docs = Array.from({ length: 400 }, () => generateAnswers(index, rand));
    // Lists frozen as a batch's are, so that they get codes.
    const rows = rowsOf([...docs, ...docs].map((doc) => ({ ...doc, answers: Object.fromEntries(Object.entries(doc.answers).map(([id, v]) => [id, Array.isArray(v) ? Object.freeze([...v]) : v])) as AnswersDocument['answers'] }))).map((state) => withCodes(rules, state));
    expect(await differential((state) => loopedScores(rules, state), generated, rows)).toBe(800);
    expect(rows.reduce((n, state) => n + state.codes.filter((c) => c >= 0).length, 0)).toBeGreaterThan(800 * 50);
  });

  it('when the generated code of the real content is printed, then every function reads as written by hand: one statement a line, indented by block', () => {
    const source = compileContent(index).source();
    const lines = source.split('\n');
    expect(source).toMatch(/^function indicator_\w+\(scored, status, codes, into\) \{$/m);
    expect(source).toMatch(/^function outcome_\w+\(row, criteria, f\) \{$/m);
    expect(source).toMatch(/^function reach_\w+\(current\) \{$/m);
    expect(source).toMatch(/^function rule_\w+\(scored\) \{$/m);
    // Each line's indentation follows its blocks: two spaces more inside each brace or bracket still open (a rule's list of conditions is one).
    let depth = 0;
    for (const line of lines) {
      if (line === '') continue;
      const closes = /^[}\]]/.test(line.trimStart()) ? 1 : 0;
      expect([line, line.length - line.trimStart().length]).toEqual([line, 2 * (depth - closes)]);
      depth += (line.match(/[{[]/g) ?? []).length - (line.match(/[}\]]/g) ?? []).length;
    }
    expect(depth).toBe(0);
    // A line per statement, not a function per line: several lines to each function.
    const functions = lines.filter((l) => l.startsWith('function ')).length;
    expect(lines.length).toBeGreaterThan(functions * 5);
  });
});
