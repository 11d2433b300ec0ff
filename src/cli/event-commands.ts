import { createWriteStream, writeFileSync } from 'node:fs';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { actorOf } from '../app/accounts.js';
import { eventBilanDocument, eventBilanView } from '../app/event-report.js';
import { createEvent } from '../app/events.js';
import { makeOrganiser } from '../app/organisers.js';
import type { Config } from '../config.js';
import type { Actor } from '../core/access.js';
import { eventInput } from '../core/event-input.js';
import { bilingual, localize, type Lang } from '../core/text.js';
import { parseWith } from '../core/zod-issues.js';
import { renderPdf } from '../pdf/render-pdf.js';
import { reportError, withContext } from './admin-commands.js';
import { fail } from './answers-input.js';
import { EXIT, type CliIo } from './cli-io.js';
import { lang } from './lang-option.js';
import { readJsonFile } from './read-json-file.js';
import { writeBeside } from './write-beside.js';

type WithConfig = (run: (config: Config) => Promise<number>) => () => Promise<void>;

const line = (l: Lang, fr: string, en: string) => `${localize(bilingual(fr, en), l)}\n`;
// The CLI is the instance operator's tool: it reads any event, as an admin.
const OPERATOR: Actor = { userId: 0, role: 'admin', memberOf: new Set(), reviewerOf: new Set() };

/** `events create FILE`: an event from a JSON file (the API's body), checked before anything is written. */
export async function createEventCommand(config: Config, io: CliIo, file: string, opts: { organiser?: string; lang: Lang }): Promise<number> {
  const read = readJsonFile(file);
  if (!read.ok) return fail(io, read.issues, opts.lang, read.unreadable ? EXIT.usage : EXIT.problems, file);
  const parsed = parseWith(eventInput, read.value);
  if (!parsed.ok) return fail(io, parsed.issues, opts.lang, EXIT.problems, file);
  return withContext(config, io, opts.lang, async (ctx) => {
    let actor: Actor | null = null;
    if (opts.organiser) {
      const user = await ctx.store.accounts.findByEmail(opts.organiser);
      if (user?.role !== 'organiser') {
        io.err(line(opts.lang, `impact-score: aucun organisateur avec l’adresse ${opts.organiser} (users make-organiser --email …).`, `impact-score: no organiser with email ${opts.organiser} (users make-organiser --email …).`));
        return EXIT.problems;
      }
      actor = await actorOf(ctx, user);
    }
    const created = await createEvent(ctx, actor, parsed.value);
    if (!created.ok) {
      reportError(io, created.error, opts.lang);
      return EXIT.problems;
    }
    io.out(line(opts.lang, `Événement créé : ${parsed.value.title} (n° ${created.value.id})`, `Event created: ${parsed.value.title} (no. ${created.value.id})`));
    return EXIT.ok;
  });
}

/** `events bilan --event ID -o FILE`: the bilan as a PDF (participants anonymised unless they agreed) or as JSON. */
export async function exportBilanCommand(config: Config, io: CliIo, opts: { event: number; output: string; format?: 'pdf' | 'json'; lang: Lang }): Promise<number> {
  const format = opts.format ?? (opts.output.toLowerCase().endsWith('.json') ? 'json' : 'pdf');
  return withContext(config, io, opts.lang, async (ctx) => {
    if (format === 'json') {
      const view = await eventBilanView(ctx, OPERATOR, opts.event, opts.lang);
      if (!view.ok) return reportError(io, view.error, opts.lang);
      return writeBeside(opts.output, io, async (partial) => writeFileSync(partial, `${JSON.stringify(view.value, null, 2)}\n`));
    }
    const document = await eventBilanDocument(ctx, null, opts.event, opts.lang);
    if (!document.ok) return reportError(io, document.error, opts.lang);
    return writeBeside(opts.output, io, (partial) => renderPdf(document.value, createWriteStream(partial)));
  });
}

export async function makeOrganiserCommand(config: Config, io: CliIo, opts: { email: string; lang: Lang }): Promise<number> {
  return withContext(config, io, opts.lang, async (ctx) => {
    const made = await makeOrganiser(ctx, null, opts.email);
    if (!made.ok) return reportError(io, made.error, opts.lang);
    io.out(line(opts.lang, `${made.value.email} est organisateur.`, `${made.value.email} is an organiser.`));
    return EXIT.ok;
  });
}

export async function listEventsCommand(config: Config, io: CliIo, opts: { lang: Lang }): Promise<number> {
  return withContext(config, io, opts.lang, async (ctx) => {
    for (const e of await ctx.store.events.list()) io.out(`${e.id}\t${e.date}\t${e.followUp}\t${e.title}\t${e.place}\n`);
    return EXIT.ok;
  });
}

const positive = (v: string) => {
  if (!/^[1-9][0-9]{0,15}$/.test(v)) throw new InvalidArgumentError('identifiant numérique / numeric id');
  return Number(v);
};

/** `events create|list|bilan` and `users make-organiser`: what an organiser (or the operator) scripts. */
export function addEventCommands(program: Command, users: Command, io: CliIo, withConfig: WithConfig): void {
  users
    .command('make-organiser')
    .description('Fait d’un compte (dirigeant, conseiller) un organisateur d’événements / makes an account an organiser')
    .requiredOption('--email <email>')
    .addOption(lang())
    .action(async (opts: { email: string; lang: Lang }) => withConfig((config) => makeOrganiserCommand(config, io, opts))());
  const events = program.command('events').description('Événements « De l’Impact Score à l’action » / events');
  events
    .command('create')
    .description('Crée un événement depuis un fichier JSON (le corps de POST /events) / creates an event from a JSON file')
    .argument('<event.json>')
    .option('--organiser <email>', 'l’organisateur qui le mène (sinon : les administrateurs) / the organiser who runs it')
    .addOption(lang())
    .action(async (file: string, opts: { organiser?: string; lang: Lang }) => withConfig((config) => createEventCommand(config, io, file, opts))());
  events
    .command('list')
    .description('Les événements : n°, date, suivi, titre, lieu / the events')
    .addOption(lang())
    .action(async (opts: { lang: Lang }) => withConfig((config) => listEventsCommand(config, io, opts))());
  events
    .command('bilan')
    .description('Exporte le bilan en PDF (partenaires) ou en JSON / exports the bilan as PDF or JSON')
    .requiredOption('--event <id>', 'n° de l’événement / event id', positive)
    .requiredOption('-o, --output <file>', '.pdf ou .json')
    .addOption(new Option('--format <format>', 'pdf | json (sinon : l’extension) / otherwise from the extension').choices(['pdf', 'json']))
    .addOption(lang())
    .action(async (opts: { event: number; output: string; format?: 'pdf' | 'json'; lang: Lang }) => withConfig((config) => exportBilanCommand(config, io, opts))());
}
