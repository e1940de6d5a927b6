import { useI18n } from '../../i18n/i18n.tsx';
import { PlainLink } from '../../router.tsx';
import { TEAMS_PATH, UNITS_PATH, USERS_PATH } from '../../components/admin/users/adminTypes.ts';
import { TeamDetailView } from '../../components/admin/users/TeamDetailView.tsx';
import { TeamsOverview } from '../../components/admin/users/TeamsOverview.tsx';
import { UserDetailView } from '../../components/admin/users/UserDetailView.tsx';
import { UserList } from '../../components/admin/users/UserList.tsx';
import { UserNew } from '../../components/admin/users/UserNew.tsx';
import { useAdminOptions } from '../../components/admin/users/useAdminOptions.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { NotFoundPage } from '../NotFoundPage.tsx';
import '../../components/admin/users/adminUsers.css';
import '../../i18n/sections/adminUsers.ts';

const UUID = '([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})';

/**
 * Beheer › Gebruikers en teams (issue 13): staff accounts with their roles, teams and units, a
 * substitute while someone is away, and each one's changes. Owns every path under /beheer/gebruikers.
 */
export default function UsersPage({ path }: { path: string }) {
  const user = path.match(new RegExp(`^${USERS_PATH}/${UUID}$`));
  if (user) return <UserDetailView key={user[1]} id={user[1]!} />;
  const team = path.match(new RegExp(`^${TEAMS_PATH}/${UUID}$`));
  if (team) return <TeamDetailView key={team[1]} kind="team" id={team[1]!} />;
  const unit = path.match(new RegExp(`^${UNITS_PATH}/${UUID}$`));
  if (unit) return <TeamDetailView key={unit[1]} kind="unit" id={unit[1]!} />;
  if (path === `${USERS_PATH}/nieuw`) return <UserNew />;
  if (path === USERS_PATH || path === TEAMS_PATH) return <Overview teams={path === TEAMS_PATH} />;
  return <NotFoundPage />;
}

function Overview({ teams }: { teams: boolean }) {
  const { t } = useI18n();
  const { roles } = useAdminOptions();
  return (
    <>
      <PageHeading title={t('adminUsers.title')} />
      <nav aria-label={t('adminUsers.tabsLabel')}>
        <ul className="kf-tabs">
          <li>
            <PlainLink to={USERS_PATH} current={!teams}>
              {t('adminUsers.tab.users')}
            </PlainLink>
          </li>
          <li>
            <PlainLink to={TEAMS_PATH} current={teams}>
              {t('adminUsers.tab.teams')}
            </PlainLink>
          </li>
        </ul>
      </nav>
      {teams ? <TeamsOverview /> : <UserList roles={roles} />}
    </>
  );
}
