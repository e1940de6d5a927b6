import { Paragraph, SkipLink } from '@utrecht/component-library-react';
import { lazy, type ReactNode, Suspense, useEffect, useState } from 'react';
import { loadOrganisationName } from './api/directory.ts';
import { useAnnouncement } from './components/announce.ts';
import { ErrorNotice, Loading } from './components/ErrorNotice.tsx';
import { Header } from './components/Header.tsx';
import { OrganisationContext } from './components/PageHeading.tsx';
import { useI18n } from './i18n/i18n.tsx';
import { HomePage } from './pages/HomePage.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { QueuePage } from './pages/QueuePage.tsx';
import { useLocation } from './router.tsx';
import { useSession } from './session.tsx';

// The heavy screens load when first opened; the shell, login, home and queue come at once.
const CasePage = lazy(() => import('./pages/CasePage.tsx'));
const IntakePage = lazy(() => import('./pages/IntakePage.tsx'));
const MailboxPage = lazy(() => import('./pages/MailboxPage.tsx'));
const MessagePage = lazy(() => import('./pages/MessagePage.tsx'));
const LetterPage = lazy(() => import('./pages/LetterPage.tsx'));
const ProcessPage = lazy(() => import('./pages/ProcessPage.tsx'));
const PostPage = lazy(() => import('./pages/PostPage.tsx'));
const MeasuresPage = lazy(() => import('./pages/MeasuresPage.tsx'));
const MeasureNewPage = lazy(() => import('./pages/MeasureNewPage.tsx'));
const MeasurePage = lazy(() => import('./pages/MeasurePage.tsx'));
const SurveysPage = lazy(() => import('./pages/SurveysPage.tsx'));

function Routes() {
  const { path, search } = useLocation();
  if (path === '/') return <HomePage />;
  if (path === '/werkvoorraad') return <QueuePage />;
  if (path === '/activiteiten/nieuw') return <IntakePage key="new" />;
  const activity = path.match(/^\/activiteiten\/([0-9a-f-]{36})$/);
  if (activity) return <IntakePage key={activity[1]} activityId={activity[1]} />;
  const caseMatch = path.match(/^\/meldingen\/([0-9a-f-]{36})$/);
  if (caseMatch) return <CasePage key={caseMatch[1]} id={caseMatch[1]!} />;
  const letter = path.match(/^\/meldingen\/([0-9a-f-]{36})\/brieven\/([0-9a-f-]{36})$/);
  if (letter) return <LetterPage key={letter[2]} caseId={letter[1]!} letterId={letter[2]!} />;
  if (path === '/mailbox') return <MailboxPage />;
  if (path === '/post') return <PostPage />;
  if (path === '/verbetermaatregelen') return <MeasuresPage />;
  if (path === '/verbetermaatregelen/nieuw') return <MeasureNewPage key={search.get('melding') ?? 'new'} />;
  const measure = path.match(/^\/verbetermaatregelen\/([0-9a-f-]{36})$/);
  if (measure) return <MeasurePage key={measure[1]} id={measure[1]!} />;
  if (path === '/tevredenheid') return <SurveysPage />;
  if (path === '/processen') return <ProcessPage />;
  const processMatch = path.match(/^\/processen\/([a-z][a-z0-9-]{0,99})$/);
  if (processMatch) return <ProcessPage key={processMatch[1]} processKey={processMatch[1]!} />;
  const message = path.match(/^\/mailbox\/([0-9a-f-]{36})$/);
  if (message) return <MessagePage key={message[1]} id={message[1]!} />;
  return <NotFoundPage />;
}

export function App() {
  const { t } = useI18n();
  const { state, retry } = useSession();
  const announcement = useAnnouncement();
  const [org, setOrg] = useState('');
  useEffect(() => {
    loadOrganisationName().then(setOrg);
  }, []);
  let content: ReactNode;
  if (state.status === 'loading') content = <Loading />;
  else if (state.status === 'error') content = <ErrorNotice error={state.error} onRetry={retry} />;
  else if (state.status === 'anonymous') content = <LoginPage />;
  else
    content = (
      <Suspense fallback={<Loading />}>
        <Routes />
      </Suspense>
    );
  return (
    <OrganisationContext.Provider value={org}>
      <SkipLink href="#main" className="kf-skip">
        {t('app.skipLink')}
      </SkipLink>
      <Header />
      <main id="main" className="kf-main" tabIndex={-1}>
        {content}
      </main>
      <footer className="kf-footer">
        <div className="kf-footer__inner">
          <Paragraph>{t('app.footer')}</Paragraph>
        </div>
      </footer>
      <div className="kf-visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        {announcement}
      </div>
    </OrganisationContext.Provider>
  );
}
