import { leaves, literal, type Condition, type FactCondition } from '../core/condition.js';
import type { ScoringRule } from '../core/content-model.js';
import type { RuleOutcome } from '../core/score-result.js';
import { CodeWriter, functionName, type GeneratedCode } from './code-writer.js';
import { conditionSource, slotRead } from './condition-code.js';

/** A rule's outcome on a row's scored facts (see `RowState.scored`), as json-rules-engine's rule result gives it. */
export type RuleExplanation = (scored: readonly unknown[]) => RuleOutcome;

/**
 * A rule as one generated function returning its outcome: each compared value tested once, in
 * document order, then whether the rule fires from those tests. json-rules-engine evaluates every
 * condition of a rule whose conditions have no priority (content gives none), so every
 * `result` is a boolean; the fact compared is kept as given (null when there is none). Every
 * object is made afresh, as json-rules-engine clones its rule into each result: one result
 * shares nothing with another.
 */
export function ruleExplanation(code: GeneratedCode, rule: ScoringRule, slots: ReadonlyMap<string, number>): RuleExplanation {
  const factOf = (fact: string) => slotRead('scored', slots.get(fact) ?? -1);
  const tested = leaves(rule.conditions).map((l) => l.condition);
  const w = new CodeWriter();
  tested.forEach((leaf, n) => w.line(`const c${n} = ${conditionSource(leaf, factOf)};`));
  const { points, reason } = rule.event.params;
  w.block('return', () => {
    w.line(`name: ${literal(rule.name)},`, `fired: ${firedSource(rule.conditions, tested)},`, `points: ${literal(points)},`);
    w.line(`reason: { fr: ${literal(reason.fr)}${reason.en === undefined ? '' : `, en: ${literal(reason.en)}`} },`);
    w.line('conditions: [');
    tested.forEach((leaf, n) => w.line(`  ${outcomeSource(leaf, factOf(leaf.fact), `c${n}`)},`));
    w.line('],');
  }, ';');
  return code.function<RuleExplanation>(functionName('rule', rule.name), ['scored'], w);
}

/** Whether the rule fires, from its leaves' tests (`c0`, `c1`… in document order) combined as its conditions combine them. */
function firedSource(c: Condition, tested: readonly FactCondition[]): string {
  if ('all' in c) return joined(c.all.map((p) => firedSource(p, tested)), '&&');
  if ('any' in c) return joined(c.any.map((p) => firedSource(p, tested)), '||');
  if ('not' in c) return `!${firedSource(c.not, tested)}`;
  return `c${tested.indexOf(c)}`;
}

// Content checks give all and any at least one part.
const joined = (parts: string[], operator: string) => (parts.length === 1 ? parts[0]! : `(${parts.join(` ${operator} `)})`);

/** One compared value as core's `ConditionOutcome`: what the rule needed, the fact's value (null: none) and the test's result. */
function outcomeSource(leaf: FactCondition, fact: string, result: string): string {
  const value = Array.isArray(leaf.value) ? `[${leaf.value.map(literal).join(', ')}]` : literal(leaf.value);
  return `{ fact: ${literal(leaf.fact)}, operator: ${literal(leaf.operator)}, value: ${value}, factValue: ${fact} ?? null, result: ${result} }`;
}
