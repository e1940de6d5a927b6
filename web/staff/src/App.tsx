import { Paragraph, SkipLink } from '@utrecht/component-library-react';
import { lazy, type ReactNode, Suspense, useEffect, useState } from 'react';
import { loadOrganisationName } from './api/directory.ts';
import { useAnnouncement } from './components/announce.ts';
import { ErrorNotice, Loading } from './components/ErrorNotice.tsx';
import { AdminSectionNav, adminEntryFor } from './components/admin/adminSection.tsx';
import { AnalysisSectionNav, inAnalysisSection } from './components/analysis/AnalysisSectionNav.tsx';
import { Header } from './components/Header.tsx';
import { OrganisationContext } from './components/PageHeading.tsx';
import { useI18n } from './i18n/i18n.tsx';
import { HomePage } from './pages/HomePage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { useLocation } from './router.tsx';
import { useSession } from './session.tsx';

// Screens load when first opened; the shell and the start page come at once (issue 15: the first
// page's JavaScript stays small). Meanwhile a skeleton holds the main region's place.
const LoginPage = lazy(() => import('./pages/LoginPage.tsx'));
const QueuePage = lazy(() => import('./pages/QueuePage.tsx'));
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
const ReportsPage = lazy(() => import('./pages/ReportsPage.tsx'));
const ReportPage = lazy(() => import('./pages/ReportPage.tsx'));
const ImportPage = lazy(() => import('./pages/ImportPage.tsx'));
const AnalysisPage = lazy(() => import('./pages/AnalysisPage.tsx'));
const AnalysisCasesPage = lazy(() => import('./pages/AnalysisCasesPage.tsx'));

/** The main region's placeholder while the session or a screen's code loads: about a screen's height. */
const PAGE_SKELETON = '40rem';

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
  if (inAnalysisSection(path)) return <AnalysisSection path={path} />;
  if (path.startsWith('/beheer/')) return <AdminSection path={path} />;
  if (path === '/processen') return <ProcessPage />;
  const processMatch = path.match(/^\/processen\/([a-z][a-z0-9-]{0,99})$/);
  if (processMatch) return <ProcessPage key={processMatch[1]} processKey={processMatch[1]!} />;
  const message = path.match(/^\/mailbox\/([0-9a-f-]{36})$/);
  if (message) return <MessagePage key={message[1]} id={message[1]!} />;
  return <NotFoundPage />;
}

/** Learning from complaints: its pages under one menu item, with their own menu on top. */
function AnalysisSection({ path }: { path: string }) {
  const report = path.match(/^\/rapportages\/([0-9a-f-]{36})$/);
  let page: ReactNode = <NotFoundPage />;
  if (path === '/tevredenheid') page = <SurveysPage />;
  else if (path === '/rapportages') page = <ReportsPage />;
  else if (report) page = <ReportPage key={report[1]} id={report[1]!} />;
  else if (path === '/import') page = <ImportPage />;
  else if (path === '/analyse') page = <AnalysisPage />;
  else if (path === '/analyse/meldingen') page = <AnalysisCasesPage />;
  return (
    <>
      <AnalysisSectionNav />
      {page}
    </>
  );
}

/** Running Klachtflow: administration, privacy and retention, each page owning its paths (adminSection.tsx). */
function AdminSection({ path }: { path: string }) {
  const entry = adminEntryFor(path);
  if (!entry) return <NotFoundPage />;
  const Page = entry.page;
  return (
    <>
      <AdminSectionNav />
      <Page path={path} />
    </>
  );
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
  if (state.status === 'loading') content = <Loading height={PAGE_SKELETON} lines={8} />;
  else if (state.status === 'error') content = <ErrorNotice error={state.error} onRetry={retry} />;
  else
    content = (
      <Suspense fallback={<Loading height={PAGE_SKELETON} lines={8} />}>
        {state.status === 'anonymous' ? <LoginPage /> : <Routes />}
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
