import { z } from 'zod';
import { component, timestamp } from './components.js';

export const Role = component('Role', z.enum(['leader', 'expert', 'advisor', 'admin', 'organiser']));
export const Access = component('Access', z.enum(['none', 'review', 'edit']));

export const User = component('User', z.object({ id: z.number().int(), email: z.string(), name: z.string(), role: Role, createdAt: timestamp }));

export const Me = component('Me', z.object({
  user: User,
  organisations: z.array(z.object({ id: z.number().int(), name: z.string(), access: Access })),
  csrfToken: z.string().optional().meta({ description: 'With a session cookie: the token to send as X-CSRF-Token on writes' }),
}));

export const Login = component('Login', z.object({ user: User, expiresAt: timestamp, csrfToken: z.string() }));
export const LoggedOut = component('LoggedOut', z.object({ loggedOut: z.literal(true) }));
