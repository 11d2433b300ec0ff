import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Me } from './api-types.js';

export interface Session {
  me: Me;
  /** Reloads who is logged in (their organisations change when one is created). */
  refresh: () => Promise<void>;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a logged-in page');
  return session;
}
