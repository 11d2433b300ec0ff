import { useCallback, useEffect, useState } from 'preact/hooks';
import { api, ApiError, SESSION_EXPIRED } from './api.js';
import type { Me } from './api-types.js';
import { ErrorBox, Loading, Page } from './components/page.js';
import { currentLang, setLang, t, type Lang } from './i18n.js';
import { BatchesPage } from './pages/batches.js';
import { ComparePage } from './pages/compare.js';
import { EventBilanPage } from './pages/event-bilan.js';
import { EventCohortPage } from './pages/event-cohort.js';
import { EventEditPage, EventNewPage } from './pages/event-edit.js';
import { EventPage } from './pages/event.js';
import { EventsPage } from './pages/events.js';
import { ExpertProfilePage } from './pages/expert-profile.js';
import { FillPage } from './pages/fill.js';
import { JoinPage } from './pages/join.js';
import { LoginPage } from './pages/login.js';
import { PublicListPage } from './pages/public-list.js';
import { PublicResultPage } from './pages/public-result.js';
import { OrganisationPage, OrganisationsPage } from './pages/organisations.js';
import { PlanPage } from './pages/plan.js';
import { PortfolioPage } from './pages/portfolio.js';
import { ResultPage } from './pages/result.js';
import { ReviewsPage } from './pages/reviews.js';
import { SuggestionsPage } from './pages/suggestions.js';
import { WorkshopPage } from './pages/workshop.js';
import { href, navigate, useRoute, type Route } from './router.js';
import { SessionContext } from './session.js';

export function App() {
  const [lang, setLangState] = useState<Lang>(currentLang());
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [fatal, setFatal] = useState<ApiError | undefined>(undefined);
  const route = useRoute();

  const refresh = useCallback(async () => {
    try {
      setMe(await api<Me>('GET', '/auth/me'));
      setFatal(undefined);
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) setMe(null);
      else setFatal(e as ApiError);
    }
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  const [expired, setExpired] = useState(false);
  useEffect(() => {
    const onExpired = () => {
      setExpired(true);
      setMe(null);
    };
    window.addEventListener(SESSION_EXPIRED, onExpired);
    return () => window.removeEventListener(SESSION_EXPIRED, onExpired);
  }, []);

  const switchLang = () => {
    const next: Lang = lang === 'fr' ? 'en' : 'fr';
    setLang(next);
    setLangState(next);
  };
  const logout = async () => {
    await api('POST', '/auth/logout').catch(() => undefined);
    setMe(null);
    navigate(href.login());
  };

  let main;
  if (fatal) main = <ErrorBox error={fatal} retry={() => void refresh()} />;
  // Published results are for anyone: shown with or without a session.
  else if (route.page === 'public-result') main = <PublicResultPage slug={route.slug} />;
  else if (route.page === 'public-list') main = <PublicListPage />;
  else if (me === undefined) main = <Loading />;
  // An invitation opens for anyone: a new leader creates their account through it.
  else if (route.page === 'join') main = <JoinPage code={route.code} me={me} onSession={refresh} />;
  // After an expiry the user logs in again and comes back to the page they were on.
  else if (me === null) main = <LoginPage notice={expired ? t('sessionExpired') : undefined} onLogin={async () => { const wasExpired = expired; setExpired(false); await refresh(); if (!wasExpired) navigate(href.home()); }} />;
  else main = <RoutePage route={route} me={me} />;

  return (
    <SessionContext.Provider value={me ? { me, refresh } : null}>
      <div key={lang} class="app">
        <a class="skip-link" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>{t('skipToContent')}</a>
        <header class="top">
          <a class="brand" href={href.home()}>{t('appName')}</a>
          {me ? <Nav me={me} route={route} /> : null}
          <div class="top-tools">
            <button type="button" class="button-link" lang={lang === 'fr' ? 'en' : 'fr'} aria-label={t('switchLangLabel')} onClick={switchLang}>{t('switchLang')}</button>
            {me ? <span class="who">{me.user.name}</span> : null}
            {me ? <button type="button" class="button-link" onClick={() => void logout()}>{t('logout')}</button> : null}
          </div>
        </header>
        <main id="main" tabIndex={-1}>{main}</main>
      </div>
    </SessionContext.Provider>
  );
}

function Nav({ me, route }: { me: Me; route: Route }) {
  const role = me.user.role;
  const links: { to: string; label: string; pages: Route['page'][] }[] = [];
  if (role !== 'expert' && role !== 'organiser') links.push({ to: href.organisations(), label: t('navOrganisations'), pages: ['organisations', 'organisation', 'fill', 'result', 'suggestions', 'compare', 'plan'] });
  if (role !== 'advisor') links.push({ to: href.events(), label: t('navEvents'), pages: ['events', 'event', 'event-new', 'event-edit', 'event-cohort', 'event-bilan', 'workshop'] });
  if (role === 'expert' || role === 'admin') links.push({ to: href.reviews(), label: t('navReviews'), pages: ['reviews'] });
  if (role === 'expert') links.push({ to: href.expertProfile(), label: t('navProfile'), pages: ['expert-profile'] });
  if (role === 'advisor' || role === 'admin') {
    links.push({ to: href.batches(), label: t('navBatches'), pages: ['batches'] });
    links.push({ to: href.portfolio(), label: t('navPortfolio'), pages: ['portfolio'] });
  }
  return (
    <nav aria-label={t('appName')}>
      <ul>
        {links.map((l) => (
          <li key={l.to}><a href={l.to} aria-current={l.pages.includes(route.page) ? 'page' : undefined}>{l.label}</a></li>
        ))}
      </ul>
    </nav>
  );
}

function RoutePage({ route, me }: { route: Route; me: Me }) {
  switch (route.page) {
    case 'home':
    case 'login':
      return <Home me={me} />;
    case 'organisations': return <OrganisationsPage />;
    case 'organisation': return <OrganisationPage id={route.id} />;
    case 'fill': return <FillPage id={route.id} section={route.section} />;
    case 'result': return <ResultPage id={route.id} />;
    case 'suggestions': return <SuggestionsPage id={route.id} />;
    case 'compare': return <ComparePage id={route.id} />;
    case 'plan': return <PlanPage id={route.id} />;
    case 'reviews': return <ReviewsPage />;
    case 'batches': return <BatchesPage />;
    case 'portfolio': return <PortfolioPage />;
    case 'events': return <EventsPage />;
    case 'event-new': return <EventNewPage from={route.from} />;
    case 'event': return <EventPage id={route.id} />;
    case 'event-edit': return <EventEditPage id={route.id} />;
    case 'event-cohort': return <EventCohortPage id={route.id} />;
    case 'event-bilan': return <EventBilanPage id={route.id} />;
    case 'workshop': return <WorkshopPage eventId={route.eventId} id={route.id} />;
    case 'expert-profile': return <ExpertProfilePage />;
    case 'join': return <Home me={me} />;
    case 'not-found': return <Page title={t('notFoundTitle')}><p>{t('notFoundText')}</p></Page>;
  }
}

/** Where each role starts: experts at their review queue, organisers at their events, the others at their organisations. */
function Home({ me }: { me: Me }) {
  useEffect(() => {
    const role = me.user.role;
    navigate(role === 'expert' ? href.reviews() : role === 'advisor' ? href.portfolio() : role === 'organiser' ? href.events() : href.organisations());
  }, [me]);
  return <Loading />;
}
