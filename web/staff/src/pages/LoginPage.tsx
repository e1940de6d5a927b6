import { Alert, Button, ButtonLink, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useContext, useState } from 'react';
import { API } from '../api/client.ts';
import type { LoginOptions } from '../api/types.ts';
import { useResource } from '../api/useResource.ts';
import { ErrorNotice, Loading } from '../components/ErrorNotice.tsx';
import { OrganisationContext, PageHeading } from '../components/PageHeading.tsx';
import { useI18n, type MessageKey } from '../i18n/i18n.tsx';
import { useLocation } from '../router.tsx';
import { useSession } from '../session.tsx';

const ROLE_ORDER = [
  'firstLineAgent',
  'dispatcher',
  'coordinator',
  'backOffice',
  'department',
  'teamLead',
  'qualityOfficer',
  'processOwner',
  'serviceManager',
  'complaintsOfficer',
  'administrator',
];
type DemoUser = LoginOptions['demoUsers'][number];

/** Login: the organisation's OIDC provider when configured; in a demo, a user per role. */
export default function LoginPage() {
  const { t, has } = useI18n();
  const org = useContext(OrganisationContext);
  const { loginAs } = useSession();
  const { href } = useLocation();
  const options = useResource<LoginOptions>('/login-options');
  const [error, setError] = useState<unknown>(null);
  const roleLabel = (key: string, fallback: string) => {
    const k = `role.${key}`;
    return has(k) ? t(k as MessageKey) : fallback;
  };

  const groups = new Map<string, DemoUser[]>();
  for (const u of options.data?.demoUsers ?? []) {
    // The first role the server lists is the person's main one (Petra: trafficer, also first line).
    const primary = u.roles[0];
    if (!primary) continue;
    groups.set(primary.key, [...(groups.get(primary.key) ?? []), u]);
  }
  const ordered = [...groups.entries()].sort(([a], [b]) => ROLE_ORDER.indexOf(a) - ROLE_ORDER.indexOf(b));

  return (
    <>
      <PageHeading title={t('login.title')} />
      <Paragraph>{t('login.intro', { org: org || t('app.name') })}</Paragraph>
      {options.loading ? <Loading /> : null}
      {options.error ? <ErrorNotice error={options.error} onRetry={options.reload} /> : null}
      {error ? <ErrorNotice error={error} /> : null}
      {options.data?.oidc ? (
        <Paragraph>
          <ButtonLink appearance="primary-action-button" href={`${API}/oidc/login?returnTo=${encodeURIComponent(href)}`}>
            {t('login.oidc')}
          </ButtonLink>
        </Paragraph>
      ) : null}
      {options.data && !options.data.oidc && !options.data.demo ? <Alert type="warning">{t('login.noOptions')}</Alert> : null}
      {options.data?.demo ? (
        <section aria-labelledby="demo-login" className="kf-section">
          <Heading2 id="demo-login">{t('login.demoTitle')}</Heading2>
          <Paragraph>{t('login.demoIntro')}</Paragraph>
          {ordered.map(([role, users]) => (
            <div key={role} className="kf-login-group">
              <Heading3>{roleLabel(role, users[0]?.roles.find((r) => r.key === role)?.label ?? role)}</Heading3>
              <ul>
                {users.map((u) => {
                  const others = u.roles.filter((r) => r.key !== role).map((r) => roleLabel(r.key, r.label));
                  return (
                    <li key={u.id}>
                      <Button
                        appearance="secondary-action-button"
                        aria-label={`${t('login.as', { name: u.name })}${others.length ? ` (${t('login.alsoRoles', { roles: others.join(', ') })})` : ''}`}
                        onClick={() => loginAs(u.id).catch(setError)}
                      >
                        {u.name}
                        {others.length ? (
                          <span className="kf-muted">&nbsp;({t('login.alsoRoles', { roles: others.join(', ') })})</span>
                        ) : null}
                      </Button>
                    </li>
                  );
                })}
              </ul>
            </div>
          ))}
        </section>
      ) : null}
    </>
  );
}
