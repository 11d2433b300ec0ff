import type { Command } from 'commander';
import type { Config } from '../config.js';
import { bilingual, localize, type Lang } from '../core/text.js';
import { copyToPostgres, TargetNotEmpty } from '../store/copy-to-postgres.js';
import { openStore, withoutPassword } from '../store/open-store.js';
import { backupCommand } from './admin-commands.js';
import { EXIT, type CliIo } from './cli-io.js';
import { lang } from './lang-option.js';

type WithConfig = (run: (config: Config) => Promise<number>) => () => Promise<void>;

/** One line in the reader's language (French typography set by `bilingual`). */
const line = (l: Lang, fr: string, en: string) => `${localize(bilingual(fr, en), l)}\n`;

/** `migrate`, `backup` and `copy-to-postgres`: the database commands of an operator. */
export function addDatabaseCommands(program: Command, io: CliIo, withConfig: WithConfig, setExit: (code: number) => void): void {
  program
    .command('migrate')
    .description('Applique les migrations en attente (DATABASE_URL ou DATABASE_FILE), comme au démarrage / applies pending migrations')
    .addOption(lang())
    .action(async (opts: { lang: Lang }) => withConfig((config) => migrateCommand(config, io, opts.lang))());
  program
    .command('backup')
    .description('Copie cohérente de la base SQLite, même en service (PostgreSQL : pg_dump) / consistent copy of the live SQLite database')
    .argument('<file>')
    .addOption(lang())
    .action(async (file: string, opts: { lang: Lang }) =>
      withConfig((config) => (config.DATABASE_URL ? postgresBackupHint(io, opts.lang) : backupCommand(config, io, file, opts.lang)))());
  program
    .command('copy-to-postgres')
    .description('Copie une base SQLite dans une base PostgreSQL vide / copies a SQLite database into an empty PostgreSQL one')
    .requiredOption('--from <file>', 'la base SQLite (DATABASE_FILE) / the SQLite file')
    .requiredOption('--to <url>', 'postgres://utilisateur:mot-de-passe@hôte:port/base')
    .addOption(lang())
    .action(async (opts: { from: string; to: string; lang: Lang }) => setExit(await copyCommand(opts, io)));
}

async function migrateCommand(config: Config, io: CliIo, l: Lang): Promise<number> {
  const where = config.DATABASE_URL ? withoutPassword(config.DATABASE_URL) : config.DATABASE_FILE;
  try {
    const store = await openStore({ url: config.DATABASE_URL, file: config.DATABASE_FILE });
    await store.close();
    const versions = store.migrated.map((v) => String(v).padStart(3, '0')).join(', ');
    io.out(store.migrated.length === 0
      ? line(l, `${where} : à jour, aucune migration en attente`, `${where}: up to date, no migration pending`)
      : line(l, `${where} : migrations appliquées ${versions}`, `${where}: migrations applied ${versions}`));
    return EXIT.ok;
  } catch (error) {
    const reason = (error as Error).message;
    io.err(line(l, `impact-score: ${where} : base de données inutilisable : ${reason}`, `impact-score: ${where}: database unusable: ${reason}`));
    return EXIT.problems;
  }
}

function postgresBackupHint(io: CliIo, l: Lang): Promise<number> {
  io.err(line(l,
    'impact-score: avec PostgreSQL (DATABASE_URL), la sauvegarde se fait avec pg_dump, ou celle du service géré : voir docs/operations.md, « Sauvegarde et restauration ».',
    'impact-score: on PostgreSQL (DATABASE_URL), back up with pg_dump or your managed service’s backups: see docs/operations.md, “Backup and restore”.'));
  return Promise.resolve(EXIT.usage);
}

async function copyCommand(opts: { from: string; to: string; lang: Lang }, io: CliIo): Promise<number> {
  const { from, to, lang: l } = opts;
  if (!/^postgres(ql)?:\/\//.test(to)) {
    io.err(line(l, 'impact-score: --to attend une adresse postgres://utilisateur:mot-de-passe@hôte:port/base', 'impact-score: --to expects an address postgres://user:password@host:port/database'));
    return EXIT.usage;
  }
  const target = withoutPassword(to);
  try {
    const copied = await copyToPostgres(from, to);
    const total = Object.values(copied).reduce((a, b) => a + b, 0);
    io.out(line(l, `${total} lignes copiées de ${from} vers ${target} :`, `${total} rows copied from ${from} to ${target}:`));
    io.out(Object.entries(copied).map(([table, n]) => `  ${table}\t${n}\n`).join(''));
    io.out(line(l, 'Copiez aussi le dossier DATA_DIR (fichiers des lots), puis démarrez le service avec DATABASE_URL.', 'Copy the DATA_DIR folder too (batch files), then start the service with DATABASE_URL.'));
    return EXIT.ok;
  } catch (error) {
    if (error instanceof TargetNotEmpty) {
      const tables = error.tables.join(', ');
      io.err(line(l, `impact-score: la base ${target} contient déjà des données (${tables}) : rien n’a été copié. Copiez dans une base vide.`,
        `impact-score: the database ${target} already holds data (${tables}): nothing was copied. Copy into an empty database.`));
      return EXIT.problems;
    }
    const reason = (error as Error).message;
    io.err(line(l, `impact-score: copie impossible, rien n’a été copié : ${reason}`, `impact-score: copy failed, nothing was copied: ${reason}`));
    return EXIT.problems;
  }
}
