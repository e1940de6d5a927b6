import {
  Alert,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading2,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { TableWrap } from '../../../ui/index.ts';
import { useDirectory } from '../api/directory.ts';
import { useResource } from '../api/useResource.ts';
import { useFlash } from '../components/announce.ts';
import { MeasureCarriedOutForm, MeasureCheckForm, MeasureEditForm } from '../components/measures/MeasureForms.tsx';
import { MeasureHistory } from '../components/measures/MeasureHistory.tsx';
import { MeasureStatus } from '../components/measures/MeasureStatus.tsx';
import { groundOptions, type MeasureDetail } from '../components/measures/measureTypes.ts';
import { PageHeading } from '../components/PageHeading.tsx';
import { PendingPage } from '../components/PendingPage.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { AppLink } from '../router.tsx';
import { useSession } from '../session.tsx';
import '../components/measures/measures.css';
import '../i18n/sections/measures.ts';

/**
 * One improvement measure: its details and complaints, the complaints of its theme per month before
 * and after (a table), the owner's "ingevoerd", the quality officer's check, and the whole history.
 */
export default function MeasurePage({ id }: { id: string }) {
  const { t, l, date, dateTime } = useI18n();
  const { session, can } = useSession();
  const dir = useDirectory();
  const res = useResource<MeasureDetail>(`/measures/${id}`);
  const [flash, setFlash] = useFlash();
  const d = res.data;
  if (!d) {
    return <PendingPage title={t('measures.detail.title')} res={res} />;
  }
  const m = d.measure;
  const groundLabel = (value: string) => {
    const g = groundOptions(dir).find((o) => o.value === value);
    return g ? l(g.label) : value;
  };
  const changed = (next: MeasureDetail, text: string) => {
    setFlash(text);
    res.setData(next);
  };
  const mayCarryOut = m.status === 'open' && (m.owner.id === session?.user.id || can('measure:manage'));
  const mayCheck = m.status !== 'effective' && can('measure:check');
  return (
    <>
      <PageHeading title={`${t('measures.detail.title')}: ${m.description.slice(0, 60)}`}>
        {t('measures.detail.title')}: {m.description}
      </PageHeading>
      <Paragraph>
        <AppLink to="/verbetermaatregelen">{t('measures.title')}</AppLink>
      </Paragraph>
      {flash ? <Alert type="ok">{flash}</Alert> : null}
      <div className="kf-columns">
        <div>
          <section aria-labelledby="measure-facts-title" className="kf-section">
            <Heading2 id="measure-facts-title">{t('measures.detail.facts')}</Heading2>
            <DataList>
              <DataListItem>
                <DataListKey>{t('measures.detail.status')}</DataListKey>
                <DataListValue>
                  <MeasureStatus m={m} />
                </DataListValue>
              </DataListItem>
              <DataListItem>
                <DataListKey>{t('measures.detail.owner')}</DataListKey>
                <DataListValue>{m.owner.name}</DataListValue>
              </DataListItem>
              <DataListItem>
                <DataListKey>{t('measures.detail.due')}</DataListKey>
                <DataListValue>{date(m.dueDate)}</DataListValue>
              </DataListItem>
              {m.carriedOutOn ? (
                <DataListItem>
                  <DataListKey>{t('measures.detail.carriedOutOn')}</DataListKey>
                  <DataListValue>{date(m.carriedOutOn)}</DataListValue>
                </DataListItem>
              ) : null}
              <DataListItem>
                <DataListKey>{t('measures.detail.source')}</DataListKey>
                <DataListValue>{t(`measures.source.${m.source}`)}</DataListValue>
              </DataListItem>
              {m.finding ? (
                <DataListItem>
                  <DataListKey>{t('measures.detail.finding')}</DataListKey>
                  <DataListValue>{m.finding}</DataListValue>
                </DataListItem>
              ) : null}
              <DataListItem>
                <DataListKey>{t('measures.detail.ground')}</DataListKey>
                <DataListValue>{m.ground ? groundLabel(m.ground) : t('measures.detail.noGround')}</DataListValue>
              </DataListItem>
              <DataListItem>
                <DataListKey>{t('measures.detail.recorded')}</DataListKey>
                <DataListValue>{t('measures.detail.recordedBy', { date: dateTime(m.createdAt), name: m.createdByName })}</DataListValue>
              </DataListItem>
            </DataList>
          </section>
          {mayCarryOut ? <MeasureCarriedOutForm id={m.id} onDone={changed} /> : null}
          {mayCarryOut ? <MeasureEditForm key={`${m.dueDate}:${m.description}`} m={m} onDone={changed} /> : null}
          {mayCheck ? <MeasureCheckForm id={m.id} status={m.status} onDone={changed} /> : null}
          <section aria-labelledby="measure-counts-title" className="kf-section">
            <Heading2 id="measure-counts-title">{t('measures.counts.title')}</Heading2>
            {d.counts && m.ground ? (
              <>
                <Paragraph>
                  {t('measures.counts.intro', {
                    ground: groundLabel(m.ground),
                    before: d.counts.monthsBefore,
                    after: d.counts.monthsAfter,
                  })}
                </Paragraph>
                <TableWrap label={t('measures.counts.caption')}>
                  <Table className="kf-measure-counts">
                    <TableCaption>{t('measures.counts.caption')}</TableCaption>
                    <TableHeader>
                      <TableRow>
                        <TableHeaderCell scope="col">{t('measures.counts.period')}</TableHeaderCell>
                        <TableHeaderCell scope="col">{t('measures.counts.month')}</TableHeaderCell>
                        <TableHeaderCell scope="col">{t('measures.counts.count')}</TableHeaderCell>
                      </TableRow>
                    </TableHeader>
                    <TableBody>
                      {[
                        ...d.counts.before.map((c) => ({ ...c, period: t('measures.counts.before') })),
                        ...(d.counts.after ?? []).map((c) => ({ ...c, period: t('measures.counts.after') })),
                      ].map((c) => (
                        <TableRow key={c.month}>
                          <TableCell>{c.period}</TableCell>
                          <TableHeaderCell scope="row">
                            <MonthName month={c.month} />
                            {c.complete ? null : <span className="kf-muted"> {t('measures.counts.incomplete')}</span>}
                          </TableHeaderCell>
                          <TableCell>{c.count}</TableCell>
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                </TableWrap>
                {d.counts.after ? null : <Paragraph>{t('measures.counts.notYet')}</Paragraph>}
              </>
            ) : (
              <Paragraph>{t('measures.counts.noGround')}</Paragraph>
            )}
          </section>
        </div>
        <div>
          <section aria-labelledby="measure-cases-title" className="kf-section">
            <Heading2 id="measure-cases-title">{t('measures.detail.cases')}</Heading2>
            {d.cases.length ? (
              <ul className="kf-measure-list">
                {d.cases.map((c) => (
                  <li key={c.id}>
                    <AppLink to={`/meldingen/${c.id}`}>{c.reference}</AppLink>: {c.subject}
                  </li>
                ))}
              </ul>
            ) : d.hiddenCaseCount ? null : (
              <Paragraph>{t('measures.detail.casesNone')}</Paragraph>
            )}
            {d.hiddenCaseCount ? <Paragraph>{t('measures.detail.hiddenCases', { count: d.hiddenCaseCount })}</Paragraph> : null}
          </section>
          <MeasureHistory history={d.history} />
        </div>
      </div>
    </>
  );
}

/** "oktober 2026" in the reader's language. */
function MonthName({ month }: { month: string }) {
  const { locale } = useI18n();
  const [y, mo] = month.split('-').map(Number) as [number, number];
  return (
    <>
      {new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nl-NL', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
        Date.UTC(y, mo - 1, 1),
      )}
    </>
  );
}
