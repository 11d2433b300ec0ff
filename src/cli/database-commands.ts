import type { Command } from 'commander';
import type { Config } from '../config.js';
import { copyToPostgres, TargetNotEmpty } from '../store/copy-to-postgres.js';
import { openStore, withoutPassword } from '../store/open-store.js';
import { backupCommand } from './admin-commands.js';
import { EXIT, type CliIo } from './cli-io.js';

type WithConfig = (run: (config: Config) => Promise<number>) => () => Promise<void>;

/** `migrate`, `backup` and `copy-to-postgres`: the database commands of an operator. */
export function addDatabaseCommands(program: Command, io: CliIo, withConfig: WithConfig, setExit: (code: number) => void): void {
  program
    .command('migrate')
    .description('Applique les migrations en attente (DATABASE_URL ou DATABASE_FILE), comme au démarrage / applies pending migrations')
    .action(async () => withConfig((config) => migrateCommand(config, io))());
  program
    .command('backup')
    .description('Copie cohérente de la base SQLite, même en service (PostgreSQL : pg_dump) / consistent copy of the live SQLite database')
    .argument('<file>')
    .action(async (file: string) => withConfig((config) => (config.DATABASE_URL ? postgresBackupHint(io) : backupCommand(config, io, file)))());
  program
    .command('copy-to-postgres')
    .description('Copie une base SQLite dans une base PostgreSQL vide / copies a SQLite database into an empty PostgreSQL one')
    .requiredOption('--from <file>', 'la base SQLite (DATABASE_FILE) / the SQLite file')
    .requiredOption('--to <url>', 'postgres://utilisateur:mot-de-passe@hôte:port/base')
    .action(async (opts: { from: string; to: string }) => setExit(await copyCommand(opts.from, opts.to, io)));
}

async function migrateCommand(config: Config, io: CliIo): Promise<number> {
  const where = config.DATABASE_URL ? withoutPassword(config.DATABASE_URL) : config.DATABASE_FILE;
  try {
    const store = await openStore({ url: config.DATABASE_URL, file: config.DATABASE_FILE });
    await store.close();
    io.out(store.migrated.length === 0 ? `${where} : à jour, aucune migration en attente\n` : `${where} : migrations appliquées ${store.migrated.map((v) => String(v).padStart(3, '0')).join(', ')}\n`);
    return EXIT.ok;
  } catch (error) {
    io.err(`impact-score: ${where} : base de données inutilisable : ${(error as Error).message}\n`);
    return EXIT.problems;
  }
}

function postgresBackupHint(io: CliIo): Promise<number> {
  io.err('impact-score: avec PostgreSQL (DATABASE_URL), la sauvegarde se fait avec pg_dump, ou celle du service géré : voir docs/operations.md, « Sauvegarde et restauration ».\n');
  return Promise.resolve(EXIT.usage);
}

async function copyCommand(from: string, to: string, io: CliIo): Promise<number> {
  if (!/^postgres(ql)?:\/\//.test(to)) {
    io.err('impact-score: --to attend une adresse postgres://utilisateur:mot-de-passe@hôte:port/base\n');
    return EXIT.usage;
  }
  try {
    const copied = await copyToPostgres(from, to);
    const total = Object.values(copied).reduce((a, b) => a + b, 0);
    io.out(`${total} lignes copiées de ${from} vers ${withoutPassword(to)} :\n${Object.entries(copied).map(([table, n]) => `  ${table}\t${n}\n`).join('')}`);
    io.out('Copiez aussi le dossier DATA_DIR (fichiers des lots), puis démarrez le service avec DATABASE_URL.\n');
    return EXIT.ok;
  } catch (error) {
    if (error instanceof TargetNotEmpty) {
      io.err(`impact-score: la base ${withoutPassword(to)} contient déjà des données (${error.tables.join(', ')}) : rien n’a été copié. Copiez dans une base vide.\n`);
      return EXIT.problems;
    }
    io.err(`impact-score: copie impossible, rien n’a été copié : ${(error as Error).message}\n`);
    return EXIT.problems;
  }
}
