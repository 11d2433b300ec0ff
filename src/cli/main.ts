#!/usr/bin/env node
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import type { Lang } from '../core/text.js';
import { EXIT, processIo, type CliIo } from './cli-io.js';
import { lang } from './lang-option.js';
import { parseConfig, type Config } from '../config.js';
import { ROLES, type Role } from '../store/records.js';
import { createOrganisationCommand, createTokenCommand, createUserCommand, createWorkshopCommand, listTokensCommand, revokeTokenCommand } from './admin-commands.js';
import { scoreCommand } from './score-command.js';
import { ENGINE_CHOICES, type EngineChoice } from './answers-input.js';
import { batchCommand, batchTemplateCommand, PORTFOLIO_HELP, type TemplateOptions } from './batch-commands.js';
import { addDatabaseCommands } from './database-commands.js';
import { addEventCommands } from './event-commands.js';
import { exportPdfCommand } from './export-pdf-command.js';
import { serveCommand } from './serve-command.js';
import { suggestCommand } from './suggest-command.js';
import { validateCommand } from './validate-command.js';

function parseRole(value: string): Role {
  if (!(ROLES as readonly string[]).includes(value)) throw new InvalidArgumentError(ROLES.join(' | '));
  return value as Role;
}

function parseId(value: string, previous: number[] = []): number[] {
  const ids = value.split(',').map((v) => Number(v.trim()));
  if (ids.some((n) => !Number.isInteger(n) || n <= 0)) throw new InvalidArgumentError('identifiant numérique / numeric id');
  return [...previous, ...ids];
}

function buildProgram(io: CliIo, env: NodeJS.ProcessEnv, setExit: (code: number) => void): Command {
  const program = new Command('impact-score')
    .description('Impact Score : évaluation, score expliqué, actions suggérées / explained scoring and suggested actions')
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .showHelpAfterError();
  const content = () => new Option('--content <dir>', 'dossier de contenu (questionnaires/, rules/, data/) / content root');
  program
    .command('score')
    .description('Calcule le score expliqué d’un fichier de réponses / explained score of an answers file')
    .argument('<answers.json>', 'fichier de réponses / answers file')
    .addOption(lang())
    .addOption(new Option('--format <format>', 'text | json').choices(['text', 'json']).default('text'))
    .addOption(content())
    .addOption(new Option('--engine <engine>', 'moteur : compilé, ou json-rules-engine, la référence / compiled, or json-rules-engine, the reference').choices(ENGINE_CHOICES).default('compiled'))
    .action(async (file: string, opts: { lang: Lang; format: 'text' | 'json'; content?: string; engine: EngineChoice }) => {
      setExit(await scoreCommand(file, opts, io));
    });
  program
    .command('suggest')
    .description('Actions suggérées, classées par gain pour l’effort / suggested actions, ranked by gain for effort')
    .argument('<answers.json>', 'fichier de réponses / answers file')
    .addOption(lang())
    .addOption(new Option('--format <format>', 'text | json').choices(['text', 'json']).default('text'))
    .addOption(new Option('--limit <n>', 'nombre d’actions / how many').default(10).argParser((v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('entier ≥ 1 / integer ≥ 1');
      return n;
    }))
    .addOption(content())
    .action(async (file: string, opts: { lang: Lang; format: 'text' | 'json'; limit: number; content?: string }) => {
      setExit(await suggestCommand(file, opts, io));
    });
  program
    .command('batch-template')
    .description('Modèle vide de portefeuille : une ligne par organisation / empty portfolio template')
    .option('-o, --output <file>', 'fichier écrit (défaut : la sortie standard) / file written (default: standard output)')
    .addOption(new Option('--format <format>', 'csv | xlsx').choices(['csv', 'xlsx']).default('csv'))
    .addOption(lang())
    .option('--delimiter <char>', 'séparateur CSV / CSV delimiter', ',')
    .addOption(content())
    .addHelpText('after', PORTFOLIO_HELP)
    .action(async (opts: TemplateOptions) => {
      setExit(await batchTemplateCommand(opts, io));
    });
  program
    .command('batch')
    .description('Note chaque ligne d’un portefeuille (CSV, JSON Lines, XLSX) / scores every row of a portfolio')
    .argument('<input>', '.csv, .jsonl ou .xlsx')
    .requiredOption('-o, --output <file>', '.csv, .jsonl ou .xlsx')
    .addOption(lang())
    .option('--workers <n>', 'fils de calcul (défaut : un par cœur ; 0 : aucun) / worker threads', (v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('entier ≥ 0 / integer ≥ 0');
      return n;
    })
    .option('--suggestions <n>', 'actions suggérées par ligne (0 : aucune, plus rapide) / suggested actions per row', (v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0 || n > 10) throw new InvalidArgumentError('0–10');
      return n;
    }, 3)
    .option('--delimiter <char>', 'séparateur du CSV écrit (défaut : celui du CSV lu, sinon la virgule) / delimiter of the CSV written (default: the input CSV\'s, or a comma)')
    .addOption(new Option('--excel <lang>', 'CSV écrit pour Excel en français (; et virgule décimale) ou en anglais (, et point) / CSV written for French or English Excel').choices(['fr', 'en']))
    .addOption(new Option('--format <format>', 'format des résultats (défaut : l’extension de -o, sinon celui de l’entrée) / results format (default: -o\'s extension, or the input\'s)').choices(['csv', 'jsonl', 'xlsx']))
    .option('--partial', 'note aussi les lignes incomplètes (sans points pour les questions sans réponse) / also score rows with required questions unanswered')
    .option('--strict', 'rejette une ligne qui répond à une question qui ne la concerne pas (sinon la réponse est ignorée avec un avertissement) / reject a row answering a question that does not apply to it (otherwise the answer is ignored with a warning)')
    .addOption(new Option('--progress <mode>', 'bar | lines | none').choices(['bar', 'lines', 'none']))
    .addOption(content())
    .addHelpText('after', PORTFOLIO_HELP)
    .action(async (input: string, opts: { output: string; lang: Lang; workers?: number; suggestions: number; partial?: boolean; strict?: boolean; delimiter?: string; excel?: 'fr' | 'en'; format?: 'csv' | 'jsonl' | 'xlsx'; progress?: 'bar' | 'lines' | 'none'; content?: string }) => {
      const controller = new AbortController();
      const onSignal = () => controller.abort();
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      try {
        setExit(await batchCommand(input, { ...opts, progress: opts.progress ?? (process.stderr.isTTY ? 'bar' : 'lines') }, io, controller.signal));
      } finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
      }
    });
  program
    .command('validate')
    .description('Vérifie tout le contenu et lance ses auto-tests / checks all content and runs its self-tests')
    .addOption(lang())
    .addOption(content())
    .action(async (opts: { lang: Lang; content?: string }) => {
      setExit(await validateCommand(opts, io));
    });
  addServiceCommands(program, io, env, setExit);
  return program;
}

/** Commands that work on the database of DATABASE_FILE, configured from the environment. */
function addServiceCommands(program: Command, io: CliIo, env: NodeJS.ProcessEnv, setExit: (code: number) => void): void {
  const withConfig = (run: (config: Config) => Promise<number>) => async () => {
    const parsed = parseConfig(env);
    if (!parsed.ok) {
      io.err(`impact-score: configuration invalide / invalid configuration:\n${parsed.problems.map((p) => `  ${p}\n`).join('')}`);
      setExit(EXIT.usage);
      return;
    }
    setExit(await run(parsed.config));
  };
  program
    .command('serve')
    .description('Sert l’API sur PORT (migrations, démo au premier démarrage) / serves the API')
    .addOption(lang())
    .action(async (opts: { lang: Lang }) => withConfig((config) => serveCommand(config, io, opts.lang))());
  const users = program.command('users').description('Comptes / accounts');
  users
    .command('create')
    .description('Crée un compte ; sans --password, un mot de passe est généré et affiché une fois / creates an account')
    .requiredOption('--email <email>')
    .addOption(new Option('--role <role>', ROLES.join(' | ')).argParser(parseRole).makeOptionMandatory())
    .option('--org <id>', 'organisation (dirigeant, conseiller), répétable / repeatable', parseId, [])
    .option('--name <name>')
    .option('--password <password>', 'au moins 10 caractères / at least 10 characters')
    .addOption(lang())
    .action(async (opts: { email: string; role: Role; org: number[]; name?: string; password?: string; lang: Lang }) => withConfig((config) => createUserCommand(config, io, opts))());
  const tokens = program.command('tokens').description('Jetons d’API / API tokens');
  tokens
    .command('list')
    .description('Les jetons d’un compte (sans leur secret) / a user’s tokens')
    .requiredOption('--email <email>')
    .addOption(lang())
    .action(async (opts: { email: string; lang: Lang }) => withConfig((config) => listTokensCommand(config, io, opts.email, opts.lang))());
  tokens
    .command('revoke')
    .description('Révoque un jeton : il cesse de fonctionner aussitôt / revokes a token')
    .requiredOption('--email <email>')
    .requiredOption('--id <id>', 'identifiant du jeton (tokens list) / token id', (v) => parseId(v)[0]!)
    .addOption(lang())
    .action(async (opts: { email: string; id: number; lang: Lang }) => withConfig((config) => revokeTokenCommand(config, io, opts))());
  tokens
    .command('create')
    .description('Crée un jeton pour les scripts, affiché une seule fois / creates a token, shown once')
    .requiredOption('--email <email>')
    .option('--name <name>', 'à quoi il sert / what it is for', 'script')
    .addOption(lang())
    .action(async (opts: { email: string; name: string; lang: Lang }) => withConfig((config) => createTokenCommand(config, io, opts))());
  program
    .command('orgs')
    .description('Organisations')
    .command('create')
    .description('Crée une organisation / creates an organisation')
    .requiredOption('--name <name>')
    .option('--siren <siren>')
    .option('--headcount <band>', '0, 1-9, 10-49, 50-249, 250-999, 1000+')
    .option('--sector <letter>', 'section NAF / NAF section A–U')
    .option('--legal-form <form>', 'ei, sarl, sas, sa, association, scop, scic, foundation, public, other')
    .option('--statuses <list>', 'esus,mission,bcorp,siae,ea')
    .option('--region <code>')
    .addOption(lang())
    .action(async (opts: { name: string; siren?: string; headcount?: string; sector?: string; legalForm?: string; statuses?: string; region?: string; lang: Lang }) => {
      const profile = Object.fromEntries(Object.entries({
        headcount: opts.headcount, sector: opts.sector, 'legal-form': opts.legalForm, region: opts.region,
        statuses: opts.statuses?.split(',').map((s) => s.trim()).filter(Boolean),
      }).filter(([, v]) => v !== undefined)) as Record<string, string | string[]>;
      await withConfig((config) => createOrganisationCommand(config, io, { name: opts.name, ...(opts.siren && { siren: opts.siren }), profile, lang: opts.lang }))();
    });
  program
    .command('workshops')
    .description('Ateliers / workshops')
    .command('create')
    .description('Crée un atelier et son expert / creates a workshop')
    .requiredOption('--title <title>')
    .requiredOption('--expert <email>')
    .requiredOption('--date <YYYY-MM-DD>')
    .requiredOption('--place <place>')
    .option('--pillar <pillar>')
    .option('--org <id>', 'organisation participante, répétable / participating organisation', parseId, [])
    .addOption(lang())
    .action(async (opts: { title: string; expert: string; date: string; place: string; pillar?: string; org: number[]; lang: Lang }) =>
      withConfig((config) => createWorkshopCommand(config, io, { title: opts.title, expertEmail: opts.expert, date: opts.date, place: opts.place, pillar: opts.pillar ?? null, organisationIds: opts.org }, opts.lang))());
  program
    .command('export-pdf')
    .description('Plan d’action en PDF : --plan ID (base), ou brouillon depuis un fichier de réponses / action plan as PDF')
    .argument('[answers.json]', 'sans base : plan brouillon des meilleures suggestions / without a database: draft plan of the top suggestions')
    .requiredOption('-o, --output <file.pdf>')
    .option('--plan <id>', 'plan enregistré / stored plan', (v) => parseId(v)[0]!)
    .option('--date <YYYY-MM-DD>', 'date portée par un brouillon / date of a draft', new Date().toISOString().slice(0, 10))
    .option('--top <n>', 'actions du brouillon / actions in a draft', (v) => parseId(v)[0]!, 5)
    .addOption(lang())
    .addOption(new Option('--content <dir>'))
    .action(async (file: string | undefined, opts: { output: string; plan?: number; date: string; top: number; lang: Lang; content?: string }) => {
      const config = () => {
        const parsed = parseConfig(env);
        if (parsed.ok) return parsed.config;
        io.err(`impact-score: configuration invalide / invalid configuration:\n${parsed.problems.map((p) => `  ${p}\n`).join('')}`);
        return undefined;
      };
      setExit(await exportPdfCommand(file, opts, config, io));
    });
  addEventCommands(program, users, io, withConfig);
  addDatabaseCommands(program, io, withConfig, setExit);
}

/** Runs the CLI on `argv` (without node and script) and returns the exit code. */
export async function runCli(argv: readonly string[], io: CliIo = processIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let code: number = EXIT.ok;
  const program = buildProgram(io, env, (c) => (code = c));
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
