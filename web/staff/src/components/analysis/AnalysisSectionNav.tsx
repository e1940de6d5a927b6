import { useI18n } from '../../i18n/i18n.tsx';
import { PlainLink, useLocation } from '../../router.tsx';
import { useSession } from '../../session.tsx';

/** The pages of learning from complaints, behind one "Analyse" in the main menu (which stays one line). */
export const ANALYSIS_SECTION = [
  { to: '/analyse', label: 'analysisNav.figures', permission: 'analysis:read' },
  { to: '/rapportages', label: 'nav.reports', permission: 'analysis:read' },
  { to: '/tevredenheid', label: 'nav.surveys', permission: 'survey:read' },
  { to: '/import', label: 'nav.import', permission: 'case:import' },
] as const;

export const inAnalysisSection = (path: string) => ANALYSIS_SECTION.some((s) => path === s.to || path.startsWith(`${s.to}/`));

export function AnalysisSectionNav() {
  const { t } = useI18n();
  const { can } = useSession();
  const { path } = useLocation();
  const items = ANALYSIS_SECTION.filter((s) => can(s.permission));
  if (items.length < 2) return null;
  return (
    <nav aria-label={t('analysisNav.label')} className="kf-section-nav">
      <ul className="kf-tabs">
        {items.map((s) => (
          <li key={s.to}>
            <PlainLink to={s.to} current={path === s.to || path.startsWith(`${s.to}/`)}>
              {t(s.label)}
            </PlainLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
