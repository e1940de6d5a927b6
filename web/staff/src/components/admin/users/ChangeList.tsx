import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { type MessageKey, useI18n } from '../../../i18n/i18n.tsx';
import type { Change, RoleOption } from './adminTypes.ts';

/**
 * "Wijzigingen": the change record of one user, team or unit, newest first; each change says who
 * made it and when, and every changed field as "before wordt after" (names as they were then).
 */
export function ChangeList({ changes, roles }: { changes: Change[]; roles: RoleOption[] }) {
  const { t, l, has, dateTime } = useI18n();
  const fieldName = (k: string) => {
    const key = `adminUsers.field.label.${k}`;
    return has(key) ? t(key) : k;
  };
  const value = (k: string, v: unknown): string => {
    if (v === null || v === undefined || v === '' || (Array.isArray(v) && !v.length)) return t('adminUsers.change.empty');
    if (typeof v === 'boolean') return t(v ? 'adminUsers.change.yes' : 'adminUsers.change.no');
    if (Array.isArray(v))
      return v.map((x) => (k === 'roles' ? l(roles.find((r) => r.key === x)?.label) || String(x) : String(x))).join(', ');
    return String(v);
  };
  const lines = (c: Change) => {
    const keys = [...new Set([...Object.keys(c.after ?? {}), ...Object.keys(c.before ?? {})])];
    return keys.map((k) =>
      c.before && c.after && k in c.before
        ? t('adminUsers.change.becomes', { field: fieldName(k), before: value(k, c.before[k]), after: value(k, c.after[k]) })
        : t('adminUsers.change.set', { field: fieldName(k), value: value(k, (c.after ?? c.before ?? {})[k]) }),
    );
  };
  const action = (a: string) => {
    const key = `adminUsers.action.${a}`;
    return has(key) ? t(key as MessageKey) : a;
  };
  return (
    <section aria-labelledby="admin-changes" className="kf-section">
      <Heading2 id="admin-changes">{t('adminUsers.changes')}</Heading2>
      {changes.length ? (
        <ol className="kf-admin-changes">
          {changes.map((c) => (
            <li key={c.id}>
              <strong>{action(c.action)}</strong>{' '}
              <span className="kf-muted">{t('adminUsers.changeBy', { at: dateTime(c.at), by: c.by })}</span>
              <ul>
                {lines(c).map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      ) : (
        <Paragraph>{t('adminUsers.changesNone')}</Paragraph>
      )}
    </section>
  );
}
