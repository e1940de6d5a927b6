import { Button } from '@utrecht/component-library-react';
import { useContext, useEffect, useState } from 'react';
import { loadLogo } from '../api/directory.ts';
import type { LoginOptions } from '../api/types.ts';
import { useResource } from '../api/useResource.ts';
import { firstAdminEntry } from './admin/adminSection.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { PlainLink, AppLink, navigate, useLocation } from '../router.tsx';
import { inAnalysisSection } from './analysis/AnalysisSectionNav.tsx';
import { useSession } from '../session.tsx';
import { resetNotifications, useNotifications } from './notifications/notificationStore.ts';
import { OrganisationContext } from './PageHeading.tsx';
import './notifications/home.css';

/** The organisation's logo when configured (theme.logoPath), else null. */
function useLogo() {
  const [logo, setLogo] = useState<{ url: string; alt: string } | null>(null);
  useEffect(() => {
    let live = true;
    loadLogo().then((l) => live && setLogo(l));
    return () => {
      live = false;
    };
  }, []);
  return logo;
}

/** Focus an element of the next page once it is shown (its sections may still be loading, hidden: Skeleton.tsx). */
function focusWhenShown(id: string, tries = 60) {
  window.setTimeout(() => {
    const el = document.getElementById(id);
    el?.focus();
    if (document.activeElement !== el && tries > 1) focusWhenShown(id, tries - 1);
  }, 50);
}

/** The organisation's name (and logo), the main menu (only what this person may use), who is logged in. */
export function Header() {
  const { t, locale, setLocale } = useI18n();
  const { session, can, logout } = useSession();
  const org = useContext(OrganisationContext);
  const logo = useLogo();
  const { path } = useLocation();
  // The demo mailbox exists only in DEMO mode without SMTP; the login options say so.
  const options = useResource<LoginOptions>(session ? '/login-options' : null);
  const unread = useNotifications(!!session).unreadCount;
  useEffect(() => {
    if (!session) resetNotifications();
  }, [session]);
  const admin = firstAdminEntry(can);
  const items = session
    ? [
        { to: '/', label: t('nav.home'), show: true, current: path === '/' },
        { to: '/werkvoorraad', label: t('nav.queue'), show: can('activity:read'), current: path.startsWith('/werkvoorraad') },
        { to: '/activiteiten/nieuw', label: t('nav.intake'), show: can('activity:create'), current: path === '/activiteiten/nieuw' },
        { to: '/post', label: t('nav.post'), show: can('post:handle'), current: path === '/post' },
        {
          to: '/verbetermaatregelen',
          label: t('nav.measures'),
          show: can('measure:manage') || can('measure:check'),
          current: path.startsWith('/verbetermaatregelen'),
        },
        // Figures, reports, satisfaction and import: one item, their own menu on those pages (AnalysisSectionNav).
        { to: '/analyse', label: t('nav.analysis'), show: can('analysis:read'), current: inAnalysisSection(path) },
        { to: '/processen', label: t('nav.processes'), show: can('process:read'), current: path.startsWith('/processen') },
        { to: admin?.to ?? '/beheer', label: t('nav.admin'), show: !!admin, current: path.startsWith('/beheer') },
        { to: '/mailbox', label: t('nav.mailbox'), show: !!options.data?.demoMailbox, current: path.startsWith('/mailbox') },
      ].filter((i) => i.show)
    : [];
  return (
    <header className="kf-header">
      <div className="kf-header__inner">
        {logo ? (
          <PlainLink to="/" className="kf-brand kf-brand--logo">
            {/* The name is printed next to it: a logo whose text alternative is just that name is decorative. */}
            <img className="kf-brand__logo" src={logo.url} alt={logo.alt === org ? '' : logo.alt} />
            <span>
              {org || t('app.name')}
              <small>{t('app.subtitle')}</small>
            </span>
          </PlainLink>
        ) : (
          <PlainLink to="/" className="kf-brand">
            {org || t('app.name')}
            <small>{t('app.subtitle')}</small>
          </PlainLink>
        )}
        {items.length ? (
          <nav className="kf-nav" aria-label={t('app.mainNav')}>
            <ul>
              {items.map((i) => (
                <li key={i.to}>
                  <AppLink to={i.to} current={i.current}>
                    {i.label}
                  </AppLink>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        <div className="kf-user">
          {session ? (
            <PlainLink
              to="/#notificaties"
              className="utrecht-link"
              onClick={(e) => {
                // To the start page's notifications, and focus there (a hash alone does not move focus in the app).
                if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
                e.preventDefault();
                navigate('/');
                focusWhenShown('notifications-title');
              }}
            >
              {t('nav.notifications')}
              {unread ? <span className="kf-count">{t('nav.notificationsUnread', { count: unread })}</span> : null}
            </PlainLink>
          ) : null}
          {session ? <span>{t('app.loggedInAs', { name: session.user.name })}</span> : null}
          {/* The language choice last: it keeps its place at the end while the session's items arrive before it. */}
          {session ? (
            <Button appearance="secondary-action-button" onClick={() => void logout()}>
              {t('app.logout')}
            </Button>
          ) : null}
          <Button
            appearance="subtle-button"
            lang={locale === 'nl' ? 'en' : 'nl'}
            aria-label={t('app.languageLabel')}
            onClick={() => setLocale(locale === 'nl' ? 'en' : 'nl')}
          >
            {t('app.language')}
          </Button>
        </div>
      </div>
    </header>
  );
}
