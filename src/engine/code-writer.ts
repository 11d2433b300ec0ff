import { OPERATOR_HELPERS } from '../core/condition.js';

/** Generated source, written a line at a time and indented by blocks, so that it reads like hand-written code when printed. */
export class CodeWriter {
  private readonly lines: string[] = [];
  private depth = 0;

  line(...texts: string[]): this {
    for (const text of texts) this.lines.push(`${'  '.repeat(this.depth)}${text}`);
    return this;
  }

  /** `head {`, `body`'s lines one level in, then `}` followed by `tail` (as in `} else {`). */
  block(head: string, body: () => void, tail = ''): this {
    this.line(head === '' ? '{' : `${head} {`);
    this.depth++;
    body();
    this.depth--;
    return this.line(`}${tail}`);
  }

  toString(): string {
    return this.lines.join('\n');
  }
}

/**
 * The functions of one compiled content made from generated source: the one place the engine
 * calls `new Function`. Each is kept as source, for `toString` to print. Only slot and question
 * numbers and literals written by `literal` reach the source, so a text of a content file is a
 * string there, never code; nothing a user sends is part of it.
 */
export class GeneratedCode {
  private readonly sources: string[] = [];

  /** A function named `name` (see `functionName`), with the operators' helpers and `helpers` in its scope. */
  function<F>(name: string, params: readonly string[], body: CodeWriter, helpers: Record<string, unknown> = {}): F {
    if (!IDENTIFIER.test(name) || !params.every((p) => IDENTIFIER.test(p))) throw new Error(`not an identifier: ${name}(${params.join(', ')})`);
    const scope = { ...OPERATOR_HELPERS, ...helpers };
    const source = `function ${name}(${params.join(', ')}) {\n${indent(body.toString())}\n}`;
    this.sources.push(source);
    const make = new Function(...Object.keys(scope), `"use strict";\nreturn ${source};`) as (...values: unknown[]) => F;
    return make(...Object.values(scope));
  }

  /** Every function made so far, as source. */
  toString(): string {
    return `${this.sources.join('\n\n')}\n`;
  }
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A generated function's name: its kind and a content id, every character but letters and digits made _ (so that no id is ever code). */
export function functionName(kind: string, id: string): string {
  return `${kind}_${id.replace(/[^A-Za-z0-9]/g, '_')}`;
}

function indent(text: string): string {
  return text.split('\n').map((line) => (line === '' ? line : `  ${line}`)).join('\n');
}
