import { Button } from '@utrecht/component-library-react';
import { useContext } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { PlainLink, AppLink, useLocation } from '../router.tsx';
import { useSession } from '../session.tsx';
import { OrganisationContext } from './PageHeading.tsx';

/** The organisation's name, the main menu (only what this person may use), who is logged in. */
export function Header() {
  const { t, locale, setLocale } = useI18n();
  const { session, can, logout } = useSession();
  const org = useContext(OrganisationContext);
  const { path } = useLocation();
  const items = session
    ? [
        { to: '/', label: t('nav.home'), show: true, current: path === '/' },
        { to: '/werkvoorraad', label: t('nav.queue'), show: can('activity:read'), current: path.startsWith('/werkvoorraad') },
        { to: '/activiteiten/nieuw', label: t('nav.intake'), show: can('activity:create'), current: path === '/activiteiten/nieuw' },
      ].filter((i) => i.show)
    : [];
  return (
    <header className="kf-header">
      <div className="kf-header__inner">
        <PlainLink to="/" className="kf-brand">
          {org || t('app.name')}
          <small>{t('app.subtitle')}</small>
        </PlainLink>
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
          {session ? <span>{t('app.loggedInAs', { name: session.user.name })}</span> : null}
          <Button
            appearance="subtle-button"
            lang={locale === 'nl' ? 'en' : 'nl'}
            aria-label={t('app.languageLabel')}
            onClick={() => setLocale(locale === 'nl' ? 'en' : 'nl')}
          >
            {t('app.language')}
          </Button>
          {session ? (
            <Button appearance="secondary-action-button" onClick={() => void logout()}>
              {t('app.logout')}
            </Button>
          ) : null}
        </div>
      </div>
    </header>
  );
}
