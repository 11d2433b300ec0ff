// Bundles the web interface (src/ui) into dist/ui: one script, one stylesheet, the page.
// esbuild only strips types and bundles; `npm run typecheck` checks src/ui with its own tsconfig.
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'ui');
rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'assets'), { recursive: true });
cpSync(join(root, 'src', 'ui', 'public'), out, { recursive: true });
await build({
  entryPoints: [join(root, 'src', 'ui', 'main.tsx')],
  outfile: join(out, 'assets', 'app.js'),
  bundle: true,
  format: 'esm',
  target: 'es2022',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  minify: true,
  sourcemap: true,
  legalComments: 'linked',
  logLevel: 'warning',
});
