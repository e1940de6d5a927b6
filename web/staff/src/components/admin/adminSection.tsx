import { type ComponentType, type LazyExoticComponent, lazy } from 'react';
import { type MessageKey, useI18n } from '../../i18n/i18n.tsx';
import { PlainLink, useLocation } from '../../router.tsx';
import { useSession } from '../../session.tsx';

/**
 * Running Klachtflow: the pages of administration, privacy and retention behind one "Beheer" in
 * the main menu (which stays one line). Each entry owns its path and everything below it
 * (`/beheer/gebruikers/<id>`), and is shown only to those with its permission.
 */
type SectionPage = LazyExoticComponent<ComponentType<{ path: string }>>;
export type AdminEntry = { to: string; label: MessageKey; permission: string; page: SectionPage };

export const ADMIN_SECTION: AdminEntry[] = [
  // One line per page, in the order of the section's menu, e.g.
  // { to: '/beheer/gebruikers', label: 'adminNav.users', permission: 'user:manage', page: lazy(() => import('../../pages/admin/UsersPage.tsx')) },
  {
    to: '/beheer/gebruikers',
    label: 'adminNav.users',
    permission: 'user:manage',
    page: lazy(() => import('../../pages/admin/UsersPage.tsx')),
  },
  {
    to: '/beheer/verzoeken-betrokkenen',
    label: 'adminNav.subjectRequests',
    permission: 'subjectRequest:manage',
    page: lazy(() => import('../../pages/admin/SubjectRequestsPage.tsx')),
  },
  {
    to: '/beheer/koppelingen',
    label: 'adminNav.apiClients',
    permission: 'apiClient:manage',
    page: lazy(() => import('../../pages/admin/ApiClientsPage.tsx')),
  },
  {
    to: '/beheer/gebeurtenissen',
    label: 'adminNav.events',
    permission: 'apiClient:manage',
    page: lazy(() => import('../../pages/admin/EventSubscriptionsPage.tsx')),
  },
  {
    to: '/beheer/zaaksysteem',
    label: 'adminNav.zgw',
    permission: 'apiClient:manage',
    page: lazy(() => import('../../pages/admin/ZgwSyncsPage.tsx')),
  },
  {
    to: '/beheer/auditlog',
    label: 'adminNav.audit',
    permission: 'audit:read',
    page: lazy(() => import('../../pages/admin/AuditLogPage.tsx')),
  },
  {
    to: '/beheer/vernietiging',
    label: 'adminNav.retention',
    permission: 'retention:manage',
    page: lazy(() => import('../../pages/admin/RetentionPage.tsx')),
  },
  {
    to: '/beheer/quarantaine',
    label: 'adminNav.quarantine',
    permission: 'mail:quarantine',
    page: lazy(() => import('../../pages/admin/QuarantinePage.tsx')),
  },
];

const owns = (entry: AdminEntry, path: string) => path === entry.to || path.startsWith(`${entry.to}/`);
export const adminEntryFor = (path: string) => ADMIN_SECTION.find((e) => owns(e, path));
/** The first page of the section this user may open: where the main menu's "Beheer" leads. */
export const firstAdminEntry = (can: (permission: string) => boolean) => ADMIN_SECTION.find((e) => can(e.permission));

export function AdminSectionNav() {
  const { t } = useI18n();
  const { can } = useSession();
  const { path } = useLocation();
  const items = ADMIN_SECTION.filter((e) => can(e.permission));
  if (items.length < 2) return null;
  return (
    <nav aria-label={t('adminNav.label')} className="kf-section-nav">
      <ul className="kf-tabs">
        {items.map((e) => (
          <li key={e.to}>
            <PlainLink to={e.to} current={owns(e, path)}>
              {t(e.label)}
            </PlainLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
