import { useEffect, useState } from 'preact/hooks';

/** The pages of the interface, addressed by the URL's hash so the server serves one page. */
export type Route =
  | { page: 'login' }
  | { page: 'home' }
  | { page: 'organisations' }
  | { page: 'organisation'; id: number }
  | { page: 'fill'; id: number; section: string }
  | { page: 'result'; id: number }
  | { page: 'suggestions'; id: number }
  | { page: 'compare'; id: number }
  | { page: 'plan'; id: number }
  | { page: 'reviews' }
  | { page: 'batches' }
  | { page: 'portfolio' }
  | { page: 'public-result'; slug: string }
  | { page: 'public-list' }
  | { page: 'events' }
  | { page: 'event-new'; from: number | null }
  | { page: 'event'; id: number }
  | { page: 'event-edit'; id: number }
  | { page: 'event-cohort'; id: number }
  | { page: 'event-bilan'; id: number }
  | { page: 'workshop'; eventId: number; id: number }
  | { page: 'join'; code: string }
  | { page: 'expert-profile' }
  | { page: 'not-found' };

/** What an invitation code in a link or typed by hand may hold (the server says whether it is one). */
export const INVITATION_CODE = '[A-Za-z0-9_-]{1,128}';

const PATTERNS: [RegExp, (m: RegExpMatchArray, query: URLSearchParams) => Route][] = [
  [/^\/?$/, () => ({ page: 'home' })],
  [/^\/login$/, () => ({ page: 'login' })],
  [/^\/organisations$/, () => ({ page: 'organisations' })],
  [/^\/organisations\/(\d+)$/, (m) => ({ page: 'organisation', id: Number(m[1]) })],
  [/^\/assessments\/(\d+)\/result$/, (m) => ({ page: 'result', id: Number(m[1]) })],
  [/^\/assessments\/(\d+)\/suggestions$/, (m) => ({ page: 'suggestions', id: Number(m[1]) })],
  [/^\/assessments\/(\d+)\/compare$/, (m) => ({ page: 'compare', id: Number(m[1]) })],
  [/^\/assessments\/(\d+)(?:\/fill(?:\/([a-z-]+))?)?$/, (m) => ({ page: 'fill', id: Number(m[1]), section: m[2] ?? 'profile' })],
  [/^\/plans\/(\d+)$/, (m) => ({ page: 'plan', id: Number(m[1]) })],
  [/^\/reviews$/, () => ({ page: 'reviews' })],
  [/^\/batches$/, () => ({ page: 'batches' })],
  [/^\/portfolio$/, () => ({ page: 'portfolio' })],
  [/^\/public$/, () => ({ page: 'public-list' })],
  [/^\/public\/([A-Za-z0-9_-]{1,64})$/, (m) => ({ page: 'public-result', slug: m[1]! })],
  [/^\/events$/, () => ({ page: 'events' })],
  [/^\/events\/new$/, (_, query) => ({ page: 'event-new', from: fromParameter(query) })],
  [/^\/events\/(\d+)$/, (m) => ({ page: 'event', id: Number(m[1]) })],
  [/^\/events\/(\d+)\/edit$/, (m) => ({ page: 'event-edit', id: Number(m[1]) })],
  [/^\/events\/(\d+)\/cohort$/, (m) => ({ page: 'event-cohort', id: Number(m[1]) })],
  [/^\/events\/(\d+)\/bilan$/, (m) => ({ page: 'event-bilan', id: Number(m[1]) })],
  [/^\/events\/(\d+)\/workshops\/(\d+)$/, (m) => ({ page: 'workshop', eventId: Number(m[1]), id: Number(m[2]) })],
  [new RegExp(`^/join/(${INVITATION_CODE})$`), (m) => ({ page: 'join', code: m[1]! })],
  // Without a code: the page where a code given by hand (read out, printed) is typed.
  [/^\/join$/, () => ({ page: 'join', code: '' })],
  [/^\/profile$/, () => ({ page: 'expert-profile' })],
];

/** `?from=12` on the new-event page: start from a previous event's workshops and improvements. */
function fromParameter(query: URLSearchParams): number | null {
  const from = query.get('from');
  return from !== null && /^\d+$/.test(from) ? Number(from) : null;
}

export function parseRoute(hash: string): Route {
  const [path = '', search = ''] = hash.replace(/^#/, '').split('?');
  for (const [pattern, make] of PATTERNS) {
    const m = path.match(pattern);
    if (m) return make(m, new URLSearchParams(search));
  }
  return { page: 'not-found' };
}

/** A link target for a route. */
export const href = {
  home: () => '#/',
  login: () => '#/login',
  organisations: () => '#/organisations',
  organisation: (id: number) => `#/organisations/${id}`,
  fill: (id: number, section = 'profile') => `#/assessments/${id}/fill/${section}`,
  result: (id: number) => `#/assessments/${id}/result`,
  suggestions: (id: number) => `#/assessments/${id}/suggestions`,
  compare: (id: number) => `#/assessments/${id}/compare`,
  plan: (id: number) => `#/plans/${id}`,
  reviews: () => '#/reviews',
  batches: () => '#/batches',
  portfolio: () => '#/portfolio',
  publicList: () => '#/public',
  publicResult: (slug: string) => `#/public/${slug}`,
  events: () => '#/events',
  eventNew: (from?: number) => (from === undefined ? '#/events/new' : `#/events/new?from=${from}`),
  event: (id: number) => `#/events/${id}`,
  eventEdit: (id: number) => `#/events/${id}/edit`,
  eventCohort: (id: number) => `#/events/${id}/cohort`,
  eventBilan: (id: number) => `#/events/${id}/bilan`,
  workshop: (eventId: number, id: number) => `#/events/${eventId}/workshops/${id}`,
  join: (code = '') => (code ? `#/join/${code}` : '#/join'),
  expertProfile: () => '#/profile',
};

export function navigate(to: string): void {
  if (location.hash === to) window.dispatchEvent(new HashChangeEvent('hashchange'));
  else location.hash = to;
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
