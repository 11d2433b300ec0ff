import { randomBytes } from 'node:crypto';
import { createApiToken, createUser, revokeApiToken } from '../app/accounts.js';
import type { AppContext } from '../app/app-context.js';
import type { AppError } from '../app/app-error.js';
import { openContext } from '../app/open-context.js';
import { createOrganisation } from '../app/organisations.js';
import { createWorkshop, type WorkshopInput } from '../app/workshops.js';
import type { Config } from '../config.js';
import { viewIssue } from '../core/issue.js';
import { localize, type Lang } from '../core/text.js';
import type { Answers, Role } from '../store/records.js';
import { EXIT, type CliIo } from './cli-io.js';
import { fail } from './answers-input.js';

/** Opens the database of DATABASE_URL or DATABASE_FILE (without demo data), runs `work`, closes it. */
async function withContext(config: Config, io: CliIo, work: (ctx: AppContext) => Promise<number> | number): Promise<number> {
  const opened = await openContext({ ...config, DEMO_DATA: false });
  if (!opened.ok) return fail(io, opened.issues, 'fr', EXIT.problems);
  try {
    return await work(opened.value);
  } finally {
    await opened.value.store.close();
  }
}

function reportError(io: CliIo, error: AppError, lang: Lang): number {
  io.err(`impact-score: ${localize(error.message, lang)}\n`);
  for (const i of error.issues ?? []) io.err(`  ${i.path}: ${viewIssue(i, lang).message}\n`);
  return EXIT.problems;
}

export async function createUserCommand(config: Config, io: CliIo, opts: { email: string; name?: string; role: Role; org: number[]; password?: string }): Promise<number> {
  return withContext(config, io, async (ctx) => {
    // With no password given, one is generated and shown once.
    const password = opts.password ?? randomBytes(12).toString('base64url');
    const created = await createUser(ctx, { email: opts.email, name: opts.name ?? opts.email, role: opts.role, password, organisations: opts.org });
    if (!created.ok) return reportError(io, created.error, 'fr');
    io.out(`Compte créé : ${created.value.email} (${created.value.role}, id ${created.value.id})\n`);
    if (!opts.password) io.out(`Mot de passe (affiché une seule fois) : ${password}\n`);
    return EXIT.ok;
  });
}

export async function createTokenCommand(config: Config, io: CliIo, opts: { email: string; name: string }): Promise<number> {
  return withContext(config, io, async (ctx) => {
    const created = await createApiToken(ctx, opts.email, opts.name);
    if (!created.ok) return reportError(io, created.error, 'fr');
    io.err(`Jeton ${created.value.id} créé pour ${created.value.user.email} ; il ne sera plus jamais affiché :\n`);
    io.out(`${created.value.token}\n`);
    return EXIT.ok;
  });
}

export async function createOrganisationCommand(config: Config, io: CliIo, opts: { name: string; siren?: string; profile: Answers }): Promise<number> {
  return withContext(config, io, async (ctx) => {
    const created = await createOrganisation(ctx, null, { name: opts.name, siren: opts.siren ?? null, profile: opts.profile });
    if (!created.ok) return reportError(io, created.error, 'fr');
    io.out(`Organisation créée : ${created.value.name} (id ${created.value.id})\n`);
    return EXIT.ok;
  });
}

export async function createWorkshopCommand(config: Config, io: CliIo, input: WorkshopInput): Promise<number> {
  return withContext(config, io, async (ctx) => {
    const created = await createWorkshop(ctx, null, input);
    if (!created.ok) return reportError(io, created.error, 'fr');
    io.out(`Atelier créé : ${created.value.title} (id ${created.value.id})\n`);
    return EXIT.ok;
  });
}

export async function backupCommand(config: Config, io: CliIo, target: string): Promise<number> {
  return withContext(config, io, async (ctx) => {
    await ctx.store.backup(target);
    io.out(`Sauvegarde cohérente écrite dans ${target}\n`);
    return EXIT.ok;
  });
}

export async function listTokensCommand(config: Config, io: CliIo, email: string): Promise<number> {
  return withContext(config, io, async (ctx) => {
    const user = await ctx.store.accounts.findByEmail(email);
    if (!user) {
      io.err(`impact-score: aucun compte pour ${email}.\n`);
      return EXIT.problems;
    }
    for (const t of await ctx.store.accounts.tokens(user.id)) {
      io.out(`${t.id}\t${t.name}\tcréé ${t.createdAt}\t${t.revokedAt ? `révoqué ${t.revokedAt}` : t.lastUsedAt ? `utilisé ${t.lastUsedAt}` : 'jamais utilisé'}\n`);
    }
    return EXIT.ok;
  });
}

export async function revokeTokenCommand(config: Config, io: CliIo, opts: { email: string; id: number }): Promise<number> {
  return withContext(config, io, async (ctx) => {
    const revoked = await revokeApiToken(ctx, opts.email, opts.id);
    if (!revoked.ok) return reportError(io, revoked.error, 'fr');
    io.out(`Jeton ${opts.id} révoqué.\n`);
    return EXIT.ok;
  });
}
