import { createHash, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const SCRYPT = { N: 16384, r: 8, p: 1, keyLength: 32 };

function derive(password: string, salt: Buffer, options: ScryptOptions, keyLength: number): Promise<Buffer> {
  return new Promise((resolve, reject) => scrypt(password.normalize('NFC'), salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key))));
}

/** A password hash: scrypt with a random salt, parameters stored alongside for later upgrades. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p }, SCRYPT.keyLength);
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await derive(password, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p) }, expected.length);
  return timingSafeEqual(actual, expected);
}

// A hash that costs as much as a real check, so an unknown email takes as long as a wrong password.
let decoy: Promise<string> | undefined;
export async function wasteTimeLikeAPasswordCheck(password: string): Promise<void> {
  decoy ??= hashPassword('decoy password');
  await verifyPassword(password, await decoy);
}

/** A random secret (session or API token), shown once; only its digest is stored. */
export function newSecret(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

/** Tokens are 256-bit random: a fast digest is enough (no dictionary to fear, unlike passwords). */
export function digest(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/**
 * The CSRF token of a session: derived from its secret, so it needs no storage and another site,
 * which cannot read the session, cannot compute it. Given to the session's holder by login and /auth/me.
 */
export function csrfTokenOf(session: string): string {
  return createHash('sha256').update(`impact-score csrf\0${session}`).digest('base64url');
}

/** Whether `given` is the CSRF token of `session`, compared in constant time. */
export function isCsrfTokenOf(session: string, given: string): boolean {
  const expected = Buffer.from(csrfTokenOf(session));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
