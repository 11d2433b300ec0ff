import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
    // The core is pure: no I/O, no edges. Content, store, HTTP, PDF, batch and CLI call it, never the reverse.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['../content/*', '../store/*', '../http/*', '../pdf/*', '../batch/*', '../cli/*'], message: 'src/core must not import the edges.' },
          { group: ['node:fs', 'node:fs/*', 'fs', 'node:net', 'node:http', 'node:child_process', 'better-sqlite3', 'express', 'pdfkit'], message: 'src/core does no I/O.' },
        ],
      }],
    },
  },
  {
    files: ['src/content/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['../store/*', '../http/*', '../pdf/*', '../batch/*', '../cli/*'], message: 'src/content may only import the core.' }],
      }],
    },
  },
  {
    // The browser app talks to the server through the HTTP API only: it bundles none of its code.
    files: ['src/ui/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['../../*', '../core/*', '../app/*', '../store/*', '../http/*', '../content/*', '../pdf/*', '../batch/*', '../cli/*', 'node:*'], message: 'src/ui uses the HTTP API, not server code.' }],
      }],
    },
  },
);
