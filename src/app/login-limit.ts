import type { AppContext } from './app-context.js';
import type { Result } from './app-error.js';
import { login, type LoginSuccess } from './accounts.js';

/** How many failed logins an address and an account may make within a sliding window. */
export interface LoginLimits {
  perAddress: number;
  perAccount: number;
  windowMinutes: number;
}

export type LoginAttempt = { limited: true; retryAfterSeconds: number } | { limited: false; result: Result<LoginSuccess> };

/**
 * A login, refused without checking the password while its address or its account has made too
 * many failed attempts recently (the right password too: otherwise guessing would simply go on).
 * Only failures count: an attempt is written down before the check and forgiven if it succeeds.
 */
export async function limitedLogin(ctx: AppContext, input: { email: string; password: string; address: string }, limits: LoginLimits, ttlHours: number): Promise<LoginAttempt> {
  const now = ctx.now();
  const windowMs = limits.windowMinutes * 60_000;
  const reserved = await ctx.store.loginFailures.reserve({
    address: input.address,
    account: input.email.trim().toLowerCase(),
    at: now.toISOString(),
    since: new Date(now.getTime() - windowMs).toISOString(),
    perAddress: limits.perAddress,
    perAccount: limits.perAccount,
  });
  if (!('id' in reserved)) {
    // Allowed again once enough of the failures in the way have left the window.
    const freeAt = (times: string[], limit: number) => (times.length === 0 ? 0 : Date.parse(times[times.length - limit]!) + windowMs);
    const until = Math.max(freeAt(reserved.address, limits.perAddress), freeAt(reserved.account, limits.perAccount));
    return { limited: true, retryAfterSeconds: Math.max(1, Math.ceil((until - now.getTime()) / 1000)) };
  }
  let result: Result<LoginSuccess>;
  try {
    result = await login(ctx, input.email, input.password, ttlHours);
  } catch (error) {
    await ctx.store.loginFailures.forgive(reserved.id);
    throw error;
  }
  if (result.ok) await ctx.store.loginFailures.forgive(reserved.id);
  return { limited: false, result };
}
