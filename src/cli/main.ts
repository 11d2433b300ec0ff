#!/usr/bin/env node
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { isLang, type Lang } from '../core/text.js';
import { EXIT, processIo, type CliIo } from './cli-io.js';
import { scoreCommand } from './score-command.js';
import { validateCommand } from './validate-command.js';

function parseLang(value: string): Lang {
  if (!isLang(value)) throw new InvalidArgumentError('fr | en');
  return value;
}

function buildProgram(io: CliIo, setExit: (code: number) => void): Command {
  const program = new Command('impact-score')
    .description('Impact Score : évaluation, score expliqué, actions suggérées / explained scoring and suggested actions')
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .showHelpAfterError();
  const lang = () => new Option('--lang <lang>', 'langue des textes / language (fr, en)').default('fr').argParser(parseLang);
  const content = () => new Option('--content <dir>', 'dossier de contenu (questionnaires/, rules/, data/) / content root');
  program
    .command('score')
    .description('Calcule le score expliqué d’un fichier de réponses / explained score of an answers file')
    .argument('<answers.json>', 'fichier de réponses / answers file')
    .addOption(lang())
    .addOption(new Option('--format <format>', 'text | json').choices(['text', 'json']).default('text'))
    .addOption(content())
    .action(async (file: string, opts: { lang: Lang; format: 'text' | 'json'; content?: string }) => {
      setExit(await scoreCommand(file, opts, io));
    });
  program
    .command('validate')
    .description('Vérifie tout le contenu et lance ses auto-tests / checks all content and runs its self-tests')
    .addOption(lang())
    .addOption(content())
    .action(async (opts: { lang: Lang; content?: string }) => {
      setExit(await validateCommand(opts, io));
    });
  return program;
}

/** Runs the CLI on `argv` (without node and script) and returns the exit code. */
export async function runCli(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  let code: number = EXIT.ok;
  const program = buildProgram(io, (c) => (code = c));
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    throw error;
  }
  return code;
}

function isEntryPoint(): boolean {
  try {
    return process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  runCli(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      // A bug, not a user's mistake: say so plainly, keep the stack for the report.
      process.stderr.write(`impact-score: erreur interne / internal error\n${(error as Error).stack ?? String(error)}\n`);
      process.exitCode = 70;
    },
  );
}
