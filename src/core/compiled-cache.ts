import { compileScorer, type CompiledScorer } from './compiled-scorer.js';
import type { ContentIndex } from './content-index.js';
import { compileActions } from './quick-suggest.js';

const cache = new WeakMap<ContentIndex, { compiled: CompiledScorer; actions: ReturnType<typeof compileActions> }>();

/** The compiled rules and actions of a content version, built on first use and kept with it. */
export function compiledFor(index: ContentIndex): { compiled: CompiledScorer; actions: ReturnType<typeof compileActions> } {
  let entry = cache.get(index);
  if (!entry) {
    const compiled = compileScorer(index);
    cache.set(index, (entry = { compiled, actions: compileActions(compiled) }));
  }
  return entry;
}
