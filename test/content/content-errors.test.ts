import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load-content.js';
import { runSelfTests } from '../../src/content/self-tests.js';
import type { Issue } from '../../src/core/issue.js';

const ROOT = join(import.meta.dirname, '..', '..');
const roots: string[] = [];

/** A copy of the real questionnaires and rules (no examples), for one test to break. */
function copyContent(): string {
  const root = mkdtempSync(join(tmpdir(), 'impact-content-'));
  roots.push(root);
  cpSync(join(ROOT, 'questionnaires'), join(root, 'questionnaires'), { recursive: true });
  cpSync(join(ROOT, 'rules'), join(root, 'rules'), { recursive: true });
  mkdirSync(join(root, 'data'));
  return root;
}

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function edit(root: string, file: string, change: (data: Json) => void): void {
  const path = join(root, file);
  const data = JSON.parse(readFileSync(path, 'utf8')) as Json;
  change(data);
  writeFileSync(path, JSON.stringify(data, null, 2));
}

function problems(root: string): Issue[] {
  const outcome = loadContent(root);
  if (outcome.ok) throw new Error('expected the content to be rejected');
  return outcome.issues;
}

afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe('content errors', () => {
  it('when the committed content is loaded, then it has no problem', () => {
    const outcome = loadContent(ROOT);
    expect(outcome.ok ? [] : outcome.issues).toEqual([]);
  });

  it('when a file is not valid JSON, then the file is named', () => {
    const root = copyContent();
    writeFileSync(join(root, 'rules/weights.json'), '{ "version": ');
    expect(problems(root)).toContainEqual(expect.objectContaining({ code: 'invalid-json', file: 'rules/weights.json' }));
  });

  it('when a field breaks the schema, then every violation is given with its JSON path', () => {
    const root = copyContent();
    edit(root, 'questionnaires/sharing.json', (d) => {
      d.indicators[0].questions[0].type = 'slider';
      d.indicators[1].title = 'no translation object';
    });
    const found = problems(root);
    expect(found).toContainEqual(expect.objectContaining({ code: 'schema', file: 'questionnaires/sharing.json', path: '/indicators/0/questions/0/type' }));
    expect(found).toContainEqual(expect.objectContaining({ code: 'schema', file: 'questionnaires/sharing.json', path: '/indicators/1/title' }));
  });

  it('when a file declares the wrong $schema, then it is reported', () => {
    const root = copyContent();
    edit(root, 'rules/strategy.json', (d) => (d.$schema = '../schemas/weights.schema.json'));
    expect(problems(root)).toContainEqual(expect.objectContaining({ code: 'wrong-schema', file: 'rules/strategy.json', path: '/$schema' }));
  });

  it('when two questions share an id, then the duplicate is reported', () => {
    const root = copyContent();
    edit(root, 'questionnaires/strategy.json', (d) => (d.indicators[0].questions[1].id = d.indicators[0].questions[0].id));
    expect(problems(root)).toContainEqual(expect.objectContaining({ code: 'duplicate-id', file: 'questionnaires/strategy.json', path: '/indicators/0/questions/1/id' }));
  });

  it('when a rule names an unknown question, then the fact is reported', () => {
    const root = copyContent();
    edit(root, 'rules/strategy.json', (d) => (firstLeaf(d.rules[0].conditions).fact = 'no-such-question'));
    expect(problems(root)).toContainEqual(expect.objectContaining({ code: 'unknown-fact', file: 'rules/strategy.json' }));
  });

  it('when a rule names an unknown indicator, then it is reported', () => {
    const root = copyContent();
    edit(root, 'rules/strategy.json', (d) => (d.rules[0].event.params.indicator = 'no-such-indicator'));
    expect(problems(root)).toContainEqual(expect.objectContaining({ code: 'unknown-indicator', file: 'rules/strategy.json', path: '/rules/0/event/params/indicator' }));
  });

  it('when a rule compares with an option that does not exist, then it is reported', () => {
    const root = copyContent();
    edit(root, 'rules/sharing.json', (d) => {
      const rule = d.rules.find((r: Json) => leafOperators(r.conditions).includes('in'));
      const leaf = allLeaves(rule.conditions).find((l) => l.operator === 'in')!;
      leaf.value = ['no-such-option'];
    });
    expect(problems(root)).toContainEqual(expect.objectContaining({ code: 'unknown-option', file: 'rules/sharing.json' }));
  });

  it('when a text lacks its English translation, then it is reported', () => {
    const root = copyContent();
    edit(root, 'questionnaires/externalities.json', (d) => delete d.indicators[2].questions[0].help.en);
    expect(problems(root)).toContainEqual(expect.objectContaining({ code: 'missing-translation', file: 'questionnaires/externalities.json', path: '/indicators/2/questions/0/help' }));
  });

  it('when the weights of a pillar do not add up to 100, then it is reported', () => {
    const root = copyContent();
    edit(root, 'rules/weights.json', (d) => (d.pillars[2].indicators['labels'] += 5));
    expect(problems(root)).toContainEqual(expect.objectContaining({ code: 'weights-do-not-add-up', file: 'rules/weights.json', path: '/pillars/2/indicators' }));
  });

  it('when the points of an indicator do not add up to 100, then it is reported', () => {
    const root = copyContent();
    edit(root, 'rules/strategy.json', (d) => {
      const { indicator, criterion } = d.rules[0].event.params;
      const steps = d.rules.filter((r: Json) => r.event.params.indicator === indicator && r.event.params.criterion === criterion);
      const top = Math.max(...steps.map((r: Json) => r.event.params.points));
      for (const r of steps) if (r.event.params.points === top) r.event.params.points = top - 1;
    });
    expect(problems(root)).toContainEqual(expect.objectContaining({ code: 'points-do-not-add-up', file: 'questionnaires/strategy.json' }));
  });

  it('when a rule uses notEqual on a question, then it is refused as unsafe', () => {
    const root = copyContent();
    edit(root, 'rules/strategy.json', (d) => {
      const leaf = allLeaves(d.rules[0].conditions).find((l) => !['headcount', 'sector', 'legal-form', 'statuses', 'region'].includes(l.fact))!;
      leaf.operator = 'notEqual';
      if (Array.isArray(leaf.value)) leaf.value = leaf.value[0];
    });
    expect(problems(root)).toContainEqual(expect.objectContaining({ code: 'unsafe-operator', file: 'rules/strategy.json' }));
  });

  it('when a showIf refers to a later question, then it is reported', () => {
    const root = copyContent();
    edit(root, 'questionnaires/strategy.json', (d) => {
      d.indicators[0].questions[0].showIf = { all: [{ fact: d.indicators[0].questions[1].id, operator: 'equal', value: 'x' }] };
    });
    expect(problems(root)).toContainEqual(expect.objectContaining({ code: 'unknown-fact', file: 'questionnaires/strategy.json', path: '/indicators/0/questions/0/showIf/all/0/fact' }));
  });

  it('when a required file is missing, then it is named', () => {
    const root = copyContent();
    rmSync(join(root, 'questionnaires/profile.json'));
    expect(problems(root)).toContainEqual(expect.objectContaining({ code: 'missing-file', file: 'questionnaires/profile.json' }));
  });

  it('when an example answers file answers an unknown question, then the example is reported', () => {
    const root = copyContent();
    mkdirSync(join(root, 'data/examples'));
    writeFileSync(join(root, 'data/examples/bad.json'), JSON.stringify({ profile: { headcount: '1-9', sector: 'J', 'legal-form': 'sas', region: 'idf' }, answers: { nope: true } }));
    expect(problems(root)).toContainEqual(expect.objectContaining({ code: 'unknown-question', file: 'data/examples/bad.json', path: '/answers/nope' }));
  });

  it('when several problems exist, then all are returned, sorted by file and path', () => {
    const root = copyContent();
    edit(root, 'rules/weights.json', (d) => (d.pillars[0].weight = 31));
    edit(root, 'rules/strategy.json', (d) => (d.rules[1].event.params.indicator = 'nope'));
    const found = problems(root);
    const keys = found.map((i) => `${i.file}${i.path}`);
    expect(keys).toEqual([...keys].sort());
    expect(found.map((i) => i.code)).toEqual(expect.arrayContaining(['weights-do-not-add-up', 'unknown-indicator']));
  });

  it('when a self-test expects another score, then validate reports the difference', async () => {
    const root = copyContent();
    cpSync(join(ROOT, 'data/examples'), join(root, 'data/examples'), { recursive: true });
    edit(root, 'rules/self-tests.json', (d) => (d.cases[0].expect.global += 1));
    const outcome = loadContent(root);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
    const { issues } = await runSelfTests(outcome.value);
    expect(issues).toEqual([expect.objectContaining({ code: 'self-test-failed', file: 'rules/self-tests.json', path: '/cases/0/expect/global' })]);
  });

  it('when an action cites an unknown testimony or changes an answer its question cannot take, then both are reported', () => {
    const root = copyContent();
    cpSync(join(ROOT, 'data/testimonies'), join(root, 'data/testimonies'), { recursive: true });
    cpSync(join(ROOT, 'data/actions'), join(root, 'data/actions'), { recursive: true });
    edit(root, 'data/actions/strategy.json', (d) => {
      d.actions[0].testimonies = ['no-such-testimony'];
      d.actions[1].changes = { 'labels-held': { atMost: 3 } };
    });
    const found = problems(root);
    expect(found).toContainEqual(expect.objectContaining({ code: 'unknown-testimony', file: 'data/actions/strategy.json', path: '/actions/0/testimonies/0' }));
    expect(found).toContainEqual(expect.objectContaining({ code: 'invalid-change', file: 'data/actions/strategy.json', path: '/actions/1/changes/labels-held' }));
  });

  it('when an indicator has no action, then it is reported', () => {
    const root = copyContent();
    cpSync(join(ROOT, 'data/testimonies'), join(root, 'data/testimonies'), { recursive: true });
    cpSync(join(ROOT, 'data/actions'), join(root, 'data/actions'), { recursive: true });
    edit(root, 'data/actions/strategy.json', (d) => (d.actions = d.actions.filter((a: Json) => a.indicator !== 'labels')));
    expect(problems(root)).toContainEqual(expect.objectContaining({ code: 'no-action', file: 'data/actions/strategy.json' }));
  });

  it('when a self-test names an example that does not exist, then it is reported', () => {
    const root = copyContent();
    expect(problems(root)).toContainEqual(expect.objectContaining({ code: 'unknown-example', file: 'rules/self-tests.json', path: '/cases/0/example' }));
  });

  it('when the published scores are broken, then each problem is named: quantiles out of order, a missing quartile, an unknown region, a region under the minimum, regions over the whole, a missing pillar', () => {
    const root = copyContent();
    cpSync(join(ROOT, 'data/published-scores.json'), join(root, 'data/published-scores.json'));
    let region = '';
    edit(root, 'data/published-scores.json', (d) => {
      d.all.scores.global = [...d.all.scores.global].reverse();
      region = Object.keys(d.regions)[0]!;
      const r = d.regions[region];
      const quartile = r.levels.indexOf(25);
      r.levels.splice(quartile, 1);
      for (const values of Object.values(r.scores) as number[][]) values.splice(quartile, 1);
      r.count = d.minimumGroup - 1;
      d.regions.atlantis = structuredClone(d.all);
      delete d.regions.atlantis.scores.sharing;
    });
    const found = problems(root).filter((i) => i.file === 'data/published-scores.json').map((i) => [i.code, i.path]);
    expect(found).toEqual(expect.arrayContaining([
      ['quantiles-not-ordered', '/all/scores/global'],
      ['missing-quartile', `/regions/${region}/levels`],
      ['group-too-small', `/regions/${region}/count`],
      ['unknown-option', '/regions/atlantis'],
      ['missing-score', '/regions/atlantis/scores'],
      ['count-too-large', '/regions'],
    ]));
  });
});

function allLeaves(c: Json): Json[] {
  if (c.all) return c.all.flatMap(allLeaves);
  if (c.any) return c.any.flatMap(allLeaves);
  if (c.not) return allLeaves(c.not);
  return [c];
}
function firstLeaf(c: Json): Json {
  return allLeaves(c)[0]!;
}
function leafOperators(c: Json): string[] {
  return allLeaves(c).map((l) => l.operator);
}
