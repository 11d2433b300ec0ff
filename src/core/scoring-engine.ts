import { Engine } from 'json-rules-engine';
import type { ScoringRule } from './content-model.js';

/**
 * Builds the json-rules-engine Engine of a content version. Build it once and reuse it: runs do
 * not share state (each has its own almanac).
 */
export function buildEngine(rules: readonly ScoringRule[]): Engine {
  const engine = new Engine([], {
    allowUndefinedFacts: true,
    // Facts are flat (question ids and profile fields): a plain lookup is ~3× faster than
    // JSONPath and keeps JSONPath off the attack surface.
    pathResolver: (value: unknown, path: string) => (value as Record<string, unknown> | undefined)?.[path],
  });
  for (const rule of rules) engine.addRule(structuredClone(rule) as never);
  return engine;
}
