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

/** What the admin commands say, in each language (French typography written in: emails and paths are left as typed). */
const WORDS = {
  fr: {
    userCreated: (email: string, role: string, id: number) => `Compte créé\u00a0: ${email} (${role}, n°\u00a0${id})`,
    password: (password: string) => `Mot de passe (affiché une seule fois)\u00a0: ${password}`,
    tokenCreated: (id: number, email: string) => `Jeton n°\u00a0${id} créé pour ${email}\u00a0; il ne sera plus jamais affiché\u00a0:`,
    organisationCreated: (name: string, id: number) => `Organisation créée\u00a0: ${name} (n°\u00a0${id})`,
    workshopCreated: (title: string, id: number) => `Atelier créé\u00a0: ${title} (n°\u00a0${id})`,
    backup: (target: string) => `Sauvegarde cohérente écrite dans ${target}`,
    noAccount: (email: string) => `impact-score: aucun compte pour ${email}.`,
    created: 'créé', revoked: 'révoqué', used: 'utilisé', neverUsed: 'jamais utilisé',
    tokenRevoked: (id: number) => `Jeton n°\u00a0${id} révoqué.`,
  },
  en: {
    userCreated: (email: string, role: string, id: number) => `Account created: ${email} (${role}, no. ${id})`,
    password: (password: string) => `Password (shown only once): ${password}`,
    tokenCreated: (id: number, email: string) => `Token no. ${id} created for ${email}; it will never be shown again:`,
    organisationCreated: (name: string, id: number) => `Organisation created: ${name} (no. ${id})`,
    workshopCreated: (title: string, id: number) => `Workshop created: ${title} (no. ${id})`,
    backup: (target: string) => `Consistent backup written to ${target}`,
    noAccount: (email: string) => `impact-score: no account for ${email}.`,
    created: 'created', revoked: 'revoked', used: 'used', neverUsed: 'never used',
    tokenRevoked: (id: number) => `Token no. ${id} revoked.`,
  },
};

/** Opens the database of DATABASE_URL or DATABASE_FILE (without demo data), runs `work`, closes it. */
export async function withContext(config: Config, io: CliIo, lang: Lang, work: (ctx: AppContext) => Promise<number> | number): Promise<number> {
  const opened = await openContext({ ...config, DEMO_DATA: false });
  if (!opened.ok) return fail(io, opened.issues, lang, EXIT.problems);
  try {
    return await work(opened.value);
  } finally {
    await opened.value.store.close();
  }
}

export function reportError(io: CliIo, error: AppError, lang: Lang): number {
  io.err(`impact-score: ${localize(error.message, lang)}\n`);
  for (const i of error.issues ?? []) io.err(`  ${i.path}: ${viewIssue(i, lang).message}\n`);
  return EXIT.problems;
}

export async function createUserCommand(config: Config, io: CliIo, opts: { email: string; name?: string; role: Role; org: number[]; password?: string; lang: Lang }): Promise<number> {
  const { lang } = opts;
  return withContext(config, io, lang, async (ctx) => {
    // With no password given, one is generated and shown once.
    const password = opts.password ?? randomBytes(12).toString('base64url');
    const created = await createUser(ctx, { email: opts.email, name: opts.name ?? opts.email, role: opts.role, password, organisations: opts.org });
    if (!created.ok) return reportError(io, created.error, lang);
    io.out(`${WORDS[lang].userCreated(created.value.email, created.value.role, created.value.id)}\n`);
    if (!opts.password) io.out(`${WORDS[lang].password(password)}\n`);
    return EXIT.ok;
  });
}

export async function createTokenCommand(config: Config, io: CliIo, opts: { email: string; name: string; lang: Lang }): Promise<number> {
  const { lang } = opts;
  return withContext(config, io, lang, async (ctx) => {
    const created = await createApiToken(ctx, opts.email, opts.name);
    if (!created.ok) return reportError(io, created.error, lang);
    io.err(`${WORDS[lang].tokenCreated(created.value.id, created.value.user.email)}\n`);
    io.out(`${created.value.token}\n`);
    return EXIT.ok;
  });
}

export async function createOrganisationCommand(config: Config, io: CliIo, opts: { name: string; siren?: string; profile: Answers; lang: Lang }): Promise<number> {
  const { lang } = opts;
  return withContext(config, io, lang, async (ctx) => {
    const created = await createOrganisation(ctx, null, { name: opts.name, siren: opts.siren ?? null, profile: opts.profile });
    if (!created.ok) return reportError(io, created.error, lang);
    io.out(`${WORDS[lang].organisationCreated(created.value.name, created.value.id)}\n`);
    return EXIT.ok;
  });
}

export async function createWorkshopCommand(config: Config, io: CliIo, input: WorkshopInput, lang: Lang): Promise<number> {
  return withContext(config, io, lang, async (ctx) => {
    const created = await createWorkshop(ctx, null, input);
    if (!created.ok) return reportError(io, created.error, lang);
    io.out(`${WORDS[lang].workshopCreated(created.value.title, created.value.id)}\n`);
    return EXIT.ok;
  });
}

export async function backupCommand(config: Config, io: CliIo, target: string, lang: Lang): Promise<number> {
  return withContext(config, io, lang, async (ctx) => {
    await ctx.store.backup(target);
    io.out(`${WORDS[lang].backup(target)}\n`);
    return EXIT.ok;
  });
}

export async function listTokensCommand(config: Config, io: CliIo, email: string, lang: Lang): Promise<number> {
  const w = WORDS[lang];
  return withContext(config, io, lang, async (ctx) => {
    const user = await ctx.store.accounts.findByEmail(email);
    if (!user) {
      io.err(`${w.noAccount(email)}\n`);
      return EXIT.problems;
    }
    for (const t of await ctx.store.accounts.tokens(user.id)) {
      io.out(`${t.id}\t${t.name}\t${w.created} ${t.createdAt}\t${t.revokedAt ? `${w.revoked} ${t.revokedAt}` : t.lastUsedAt ? `${w.used} ${t.lastUsedAt}` : w.neverUsed}\n`);
    }
    return EXIT.ok;
  });
}

export async function revokeTokenCommand(config: Config, io: CliIo, opts: { email: string; id: number; lang: Lang }): Promise<number> {
  const { lang } = opts;
  return withContext(config, io, lang, async (ctx) => {
    const revoked = await revokeApiToken(ctx, opts.email, opts.id);
    if (!revoked.ok) return reportError(io, revoked.error, lang);
    io.out(`${WORDS[lang].tokenRevoked(opts.id)}\n`);
    return EXIT.ok;
  });
}
