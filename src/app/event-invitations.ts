import { randomInt } from 'node:crypto';
import { organisationAccess, type Actor } from '../core/access.js';
import { bilingual } from '../core/text.js';
import type { InvitationRecord } from '../store/event-records.js';
import type { Answers } from '../store/records.js';
import { createUser, MIN_PASSWORD_LENGTH, openSession, weakPassword } from './accounts.js';
import { isoNow, type AppContext } from './app-context.js';
import { fail, notFound, ok, type AppError, type Result } from './app-error.js';
import { eventConflict, loadForOrganiser, phaseOf, today } from './event-load.js';
import { pillarTitle } from './event-view.js';
import { auditedEventWrite } from './event-write.js';
import { createOrganisation } from './organisations.js';
import { digest, hashPassword } from './secrets.js';

/**
 * Invitations to an event: a code (or the link holding it) lets an organisation join. It grants
 * access — joining makes the organisation's submitted work visible to its workshop's experts —
 * so it is a secret: 80 random bits, shown once, only its SHA-256 digest kept (as for tokens).
 */

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Crockford's base 32: no I, L, O, U to misread
const invitationNotFound = () => notFound('Invitation', 'Invitation');

/** Four groups of four characters, easy to read out and type. */
export function newInvitationCode(): string {
  const chars = Array.from({ length: 16 }, () => ALPHABET[randomInt(32)]!);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}

/** The code as typed: any case, with or without dashes and spaces; o, i and l read as 0 and 1. */
export const normaliseCode = (code: string) => code.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');

const present = (i: InvitationRecord, joined: number) => ({ id: i.id, eventId: i.eventId, createdAt: i.createdAt, revokedAt: i.revokedAt, joined, version: i.version });

export async function listInvitations(ctx: AppContext, actor: Actor, eventId: number) {
  const loaded = await loadForOrganiser(ctx, actor, eventId);
  if (!loaded.ok) return loaded;
  const invitations = await ctx.store.eventParticipants.invitations(eventId);
  return ok(invitations.map((i) => present(i, loaded.value.participants.filter((p) => p.invitationId === i.id).length)));
}

export async function createInvitation(ctx: AppContext, actor: Actor, eventId: number) {
  const loaded = await loadForOrganiser(ctx, actor, eventId);
  if (!loaded.ok) return loaded;
  const code = newInvitationCode();
  const invitation = await auditedEventWrite(ctx, actor, eventId, (tx, now) => tx.eventParticipants.createInvitation(eventId, digest(normaliseCode(code)), actor.userId, now),
    (created) => ({ action: 'create', entity: 'invitation', entityId: created.id, detail: {} }));
  return ok({ ...present(invitation!, 0), code, path: `/#/join/${code}` });
}

export async function revokeInvitation(ctx: AppContext, actor: Actor, eventId: number, id: number, version: number) {
  const loaded = await loadForOrganiser(ctx, actor, eventId);
  if (!loaded.ok) return loaded;
  const current = await ctx.store.eventParticipants.invitation(id);
  if (!current || current.eventId !== eventId) return invitationNotFound();
  const done = await auditedEventWrite(ctx, actor, eventId, (tx, now) => tx.eventParticipants.revokeInvitation(id, version, now),
    () => ({ action: 'revoke', entity: 'invitation', entityId: id, detail: {} }));
  const joined = loaded.value.participants.filter((p) => p.invitationId === id).length;
  return done ? ok(present((await ctx.store.eventParticipants.invitation(id))!, joined)) : eventConflict(present(current, joined));
}

/** The invitation behind a code, if it is live, with its event. */
async function live(ctx: AppContext, code: string) {
  const invitation = await ctx.store.eventParticipants.invitationByHash(digest(normaliseCode(code)));
  const event = invitation && !invitation.revokedAt ? await ctx.store.events.get(invitation.eventId) : undefined;
  return invitation && event ? { invitation, event } : undefined;
}

const closed = () => fail('conflict', 'invitation-closed', bilingual('Le suivi de cet événement est passé : on ne le rejoint plus.', 'This event’s follow-up has passed: it can no longer be joined.'));

/** What anyone holding the code may see before joining: the event's public side. */
export async function previewInvitation(ctx: AppContext, code: string, lang: 'fr' | 'en') {
  const found = await live(ctx, code);
  if (!found) return invitationNotFound();
  const { event } = found;
  const organiser = event.organiserUserId === null ? undefined : await ctx.store.accounts.getUser(event.organiserUserId);
  const workshops = await ctx.store.eventWorkshops.byEvent(event.id);
  return ok({
    eventId: event.id, title: event.title, date: event.date, place: event.place, organiser: organiser?.name ?? null,
    workshops: workshops.map((w) => ({ title: w.title, pillarTitle: pillarTitle(ctx, w.pillar, lang) })),
    open: phaseOf(event, today(ctx)) !== 'follow-up',
  });
}

/** An existing leader joins with one of their organisations. */
export async function joinEvent(ctx: AppContext, actor: Actor, code: string, input: { organisationId: number; named?: boolean }): Promise<Result<{ eventId: number; organisationId: number; joinedAt: string; alreadyJoined: boolean }>> {
  const found = await live(ctx, code);
  if (!found) return invitationNotFound();
  if (organisationAccess(actor, input.organisationId) !== 'edit') return notFound('Organisation', 'Organisation');
  if (phaseOf(found.event, today(ctx)) === 'follow-up') return closed();
  const now = isoNow(ctx);
  const joined = await ctx.store.transaction(async (tx) => {
    const added = await tx.eventParticipants.join({ eventId: found.event.id, organisationId: input.organisationId, workshopId: null, joinedAt: now, joinedBy: actor.userId, invitationId: found.invitation.id, named: input.named ?? false });
    if (added) await tx.audit.record({ at: now, userId: actor.userId, organisationId: input.organisationId, action: 'join', entity: 'participant', entityId: input.organisationId, eventId: found.event.id, detail: { invitationId: found.invitation.id, named: input.named ?? false } });
    return added;
  });
  const participant = (await ctx.store.eventParticipants.get(found.event.id, input.organisationId))!;
  return ok({ eventId: found.event.id, organisationId: input.organisationId, joinedAt: participant.joinedAt, alreadyJoined: !joined });
}

export interface SignupInput {
  name: string;
  email: string;
  password: string;
  organisation: { name: string; siren?: string | null; profile?: Answers };
  named?: boolean;
}

/** A refusal inside the signup's transaction, thrown so that what was made before it is rolled back. */
class SignupRefused extends Error {
  constructor(readonly refusal: { ok: false; error: AppError }) {
    super(refusal.error.code);
  }
}

function accepted<T>(result: Result<T>): T {
  if (!result.ok) throw new SignupRefused(result);
  return result.value;
}

/**
 * A new leader creates their account and organisation through the invitation, joins, and is
 * logged in: all of it in one transaction, so that a signup refused or failing half-way leaves
 * no organisation or account behind.
 */
export async function signupWithInvitation(ctx: AppContext, code: string, input: SignupInput, ttlHours: number) {
  const found = await live(ctx, code);
  if (!found) return invitationNotFound();
  if (phaseOf(found.event, today(ctx)) === 'follow-up') return closed();
  const taken = () => fail('conflict', 'email-taken', bilingual(
    `Un compte existe déjà pour ${input.email} : connectez-vous, puis rejoignez l’événement avec ce lien.`,
    `An account already exists for ${input.email}: log in, then join the event with this link.`,
  ));
  // Both checked before the password is hashed (createUser checks a password, not a hash).
  if (await ctx.store.accounts.findByEmail(input.email)) return taken();
  if (input.password.length < MIN_PASSWORD_LENGTH) return weakPassword();
  // Hashed before the transaction: scrypt takes tens of milliseconds, and would hold SQLite's one connection.
  const passwordHash = await hashPassword(input.password);
  try {
    return ok(await ctx.store.transaction(async (tx) => {
      const inside: AppContext = { ...ctx, store: tx };
      // Two signups with one address at once: the second waits here, then finds the account.
      await tx.exclusive(`signup:${input.email.toLowerCase()}`);
      if (await tx.accounts.findByEmail(input.email)) throw new SignupRefused(taken());
      const organisation = accepted(await createOrganisation(inside, null, { name: input.organisation.name, siren: input.organisation.siren ?? null, profile: input.organisation.profile ?? {} }));
      const user = accepted(await createUser(inside, { email: input.email, name: input.name, role: 'leader', passwordHash, organisations: [organisation.id] }));
      const actor: Actor = { userId: user.id, role: 'leader', memberOf: new Set([organisation.id]), reviewerOf: new Set() };
      accepted(await joinEvent(inside, actor, code, { organisationId: organisation.id, named: input.named }));
      const { session, expiresAt } = await openSession(inside, user.id, ttlHours);
      return { eventId: found.event.id, organisationId: organisation.id, user, session, expiresAt };
    }));
  } catch (error) {
    if (error instanceof SignupRefused) return error.refusal;
    throw error;
  }
}
