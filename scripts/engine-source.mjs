// Prints the functions the compiled engine generates for the content (after `npm run build`):
//   node scripts/engine-source.mjs [CONTENT_ROOT] > engine.js
import process from 'node:process';
import { loadContent } from '../dist/src/content/load-content.js';
import { indexContent } from '../dist/src/core/content-index.js';
import { compileContent } from '../dist/src/engine/index.js';

const loaded = loadContent(process.argv[2]);
if (!loaded.ok) {
  process.stderr.write(`content invalid: ${loaded.issues.length} problem(s); run impact-score validate\n`);
  process.exit(1);
}
process.stdout.write(compileContent(indexContent(loaded.value.content)).source());
