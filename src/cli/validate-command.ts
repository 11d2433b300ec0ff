import { loadContent } from '../content/load-content.js';
import { runSelfTests } from '../content/self-tests.js';
import type { Lang } from '../core/text.js';
import { typeset } from '../core/typography.js';
import { EXIT, type CliIo } from './cli-io.js';
import { fail } from './answers-input.js';

/** `impact-score validate`: every problem of the content files, then the content self-tests. */
export async function validateCommand(options: { lang: Lang; content?: string }, io: CliIo): Promise<number> {
  const loaded = loadContent(options.content);
  if (!loaded.ok) {
    io.err(problemsLine(loaded.issues.length, options.lang));
    return fail(io, loaded.issues, options.lang, EXIT.problems);
  }
  const tests = await runSelfTests(loaded.value);
  if (tests.issues.length > 0) return fail(io, tests.issues, options.lang, EXIT.problems);
  const { content, examples } = loaded.value;
  const questions = content.pillars.reduce((n, p) => n + p.indicators.reduce((m, i) => m + i.questions.length, 0), 0);
  io.out(typeset(options.lang === 'fr'
    ? `Contenu valide (version ${content.version}) : ${content.pillars.length} piliers, ${questions} questions, ${content.rules.length} règles, ${examples.length} exemples, ${tests.cases} auto-tests réussis.\n`
    : `Content valid (version ${content.version}): ${content.pillars.length} pillars, ${questions} questions, ${content.rules.length} rules, ${examples.length} examples, ${tests.cases} self-tests passed.\n`, options.lang));
  return EXIT.ok;
}

function problemsLine(count: number, lang: Lang): string {
  if (lang === 'en') return `${count} problem${count === 1 ? '' : 's'} in the content:\n`;
  return typeset(`${count} problème${count < 2 ? '' : 's'} dans le contenu :\n`, lang);
}
