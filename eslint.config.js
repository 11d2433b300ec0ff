import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** What of core the engine may read: its model, not its scoring. */
const ENGINE_READS = ['content-index.js', 'content-model.js', 'condition.js', 'applicability.js', 'answer-value.js', 'aggregate.js', 'ranking.js', 'apply-changes.js', 'score-result.js', 'scorer.js', 'format-answer.js', 'report-detail.js', 'text.js'];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'var/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Outside the engine, only its door: what it does inside can change without anyone noticing.
    files: ['src/app/**/*.ts', 'src/batch/**/*.ts', 'src/cli/**/*.ts', 'src/http/**/*.ts', 'src/pdf/**/*.ts', 'src/store/**/*.ts', 'src/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/engine/*', '!**/engine/index.js'], message: 'Use the engine through its door, src/engine/index.ts.' }],
      }],
    },
  },
  {
    // The core is pure: no I/O, no edges. Content, store, HTTP, PDF, batch and CLI call it, never the reverse.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['../content/*', '../store/*', '../http/*', '../pdf/*', '../batch/*', '../cli/*', '../app/*'], message: 'src/core must not import the edges.' },
          { group: ['../engine/*'], message: 'src/core is the specification the engine is held to: it must not import the engine.' },
          { group: ['node:fs', 'node:fs/*', 'fs', 'node:net', 'node:http', 'node:child_process', 'better-sqlite3', 'express', 'pdfkit'], message: 'src/core does no I/O.' },
        ],
      }],
    },
  },
  {
    files: ['src/content/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['../store/*', '../http/*', '../pdf/*', '../batch/*', '../cli/*', '../app/*', '../engine/*'], message: 'src/content may only import the core.' }],
      }],
    },
  },
  {
    // The compiled engine reads core's model only: content, conditions' meaning, the applicability rule, answer values.
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          {
            group: ['../core/*', ...ENGINE_READS.map((file) => `!../core/${file}`)],
            message: `src/engine may import only core's model: ${ENGINE_READS.join(', ')}.`,
          },
          { group: ['../content/*', '../store/*', '../http/*', '../pdf/*', '../batch/*', '../cli/*', '../app/*', '../ui/*'], message: 'src/engine must not import the edges.' },
          { group: ['json-rules-engine', 'node:*', 'fs', 'better-sqlite3', 'express', 'pdfkit'], message: 'src/engine does no I/O, and json-rules-engine is the reference it is held to.' },
        ],
      }],
    },
  },
  {
    // The browser app talks to the server through the HTTP API only: it bundles none of its code.
    files: ['src/ui/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['../../*', '../core/*', '../app/*', '../store/*', '../http/*', '../content/*', '../pdf/*', '../batch/*', '../cli/*', '../engine/*', 'node:*'], message: 'src/ui uses the HTTP API, not server code.' }],
      }],
    },
  },
);
