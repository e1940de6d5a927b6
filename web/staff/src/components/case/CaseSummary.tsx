import { Alert, DataList, DataListItem, DataListKey, DataListValue, Heading2, Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import type { CaseDetail } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { labelOf } from '../../i18n/labels.ts';
import { valueText, type ProcessLabels } from './processLabels.ts';
import { formatPhone } from '../persons/formatPhone.ts';

function Item({ k, children }: { k: string; children: ReactNode }) {
  return (
    <DataListItem>
      <DataListKey>{k}</DataListKey>
      <DataListValue>{children}</DataListValue>
    </DataListItem>
  );
}

const person = (p: CaseDetail['complainant']) =>
  [
    p.organisationName ? `${p.name} (${p.organisationName})` : p.name,
    p.email,
    formatPhone(p.phone),
    [p.street, [p.postcode, p.city].filter(Boolean).join(' ')].filter(Boolean).join(', '),
  ]
    .filter(Boolean)
    .join('\n');

/** Who, what, when and where it stands: the facts of a case in one list. */
export function CaseSummary({ c, labels }: { c: CaseDetail; labels: ProcessLabels }) {
  const i18n = useI18n();
  const { t, l, has, date, dateTime } = i18n;
  const handling = c.clocks.find((k) => k.key === 'handling');
  const clockState = handling && handling.state !== 'running' ? ` (${t(`case.clock.${handling.state}`)})` : '';
  // Standard facts first (the same words in every organisation), then the process's own fields.
  const data = Object.entries(c.data).filter(([k, v]) => v !== null && v !== undefined && v !== '' && !labels.field(k)?.fact);
  return (
    <section aria-labelledby="summary-title" className="kf-section">
      <Heading2 id="summary-title">{t('case.summary')}</Heading2>
      {c.handedOn ? (
        <Alert type="info">
          <Paragraph>{t('case.handedOn', { where: c.assignee?.name ?? c.team?.name ?? t('app.none') })}</Paragraph>
        </Alert>
      ) : null}
      {!c.completeness.complete ? (
        <Alert type="warning">
          <Paragraph>{t('case.incomplete', { missing: c.completeness.missing.map((m) => t(`case.missing.${m}`)).join(', ') })}</Paragraph>
        </Alert>
      ) : null}
      {c.hints.length ? (
        <Alert type="info">
          <Paragraph>
            <strong>{t('case.hints')}: </strong>
            {c.hints.map((h) => l(h.message)).join(' ')}
          </Paragraph>
        </Alert>
      ) : null}
      <DataList>
        <Item k={t('case.status')}>
          <strong>{l(c.statusLabel)}</strong>
          {c.closedAt ? <span className="kf-muted"> · {t('case.closed', { date: date(c.closedAt) })}</span> : null}
        </Item>
        <Item k={t('case.reference')}>{c.reference}</Item>
        <Item k={t('case.process')}>
          {t('case.processVersion', { label: labels.process ? l(labels.process) : c.processKey, version: c.processVersion })}
        </Item>
        <Item k={t('case.subject')}>{c.subject}</Item>
        {c.description ? (
          <Item k={t('case.description')}>
            <span className="kf-pre">{c.description}</span>
          </Item>
        ) : null}
        <Item k={t('case.channel')}>{labelOf(t, has, 'channel', c.channel)}</Item>
        <Item k={t('case.received')}>{dateTime(c.receivedAt)}</Item>
        {handling ? (
          <Item k={t('case.deadline')}>
            {date(handling.adjustedEnd)}
            {clockState}
            <div className="kf-muted">{l(handling.rule)}</div>
          </Item>
        ) : null}
        <Item k={t('case.complainant')}>
          <span className="kf-pre">{person(c.complainant)}</span>
        </Item>
        {c.representative ? (
          <Item k={t('case.representative')}>
            <span className="kf-pre">
              {t('case.representativeOf', { name: c.representative.name, relation: c.representativeRelation ?? '' })}
              {[c.representative.email, formatPhone(c.representative.phone)].filter(Boolean).map((x) => `\n${x}`)}
            </span>
          </Item>
        ) : null}
        <Item k={t('case.handler')}>{c.assignee?.name ?? t('app.none')}</Item>
        <Item k={t('case.team')}>{c.team?.name ?? t('app.none')}</Item>
      </DataList>
      <Heading2 id="data-title">{t('case.classification')}</Heading2>
      {data.length || c.facts.length || c.hiddenFields.length ? (
        <DataList aria-labelledby="data-title">
          {c.facts.map((f) => (
            <Item key={`fact-${f.key}`} k={l(f.label)}>
              {f.valueLabel ??
                (f.key === 'channel' && typeof f.value === 'string' ? labelOf(t, has, 'channel', f.value) : valueText(f.value, null, i18n))}
            </Item>
          ))}
          {data.map(([key, v]) => {
            const f = labels.field(key);
            return (
              <Item key={key} k={f ? l(f.label) : key}>
                {valueText(v, f, i18n)}
              </Item>
            );
          })}
          {c.hiddenFields.map((key) => {
            const f = labels.field(key);
            return (
              <Item key={`hidden-${key}`} k={f ? l(f.label) : key}>
                <span className="kf-muted">{t('case.hiddenField')}</span>
              </Item>
            );
          })}
        </DataList>
      ) : (
        <Paragraph>{t('case.noData')}</Paragraph>
      )}
    </section>
  );
}
