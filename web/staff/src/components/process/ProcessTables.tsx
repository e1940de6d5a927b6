import {
  Heading2,
  Heading3,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { TableWrap } from '../../../../ui/index.ts';
import { useProcessI18n as useI18n } from './useProcessI18n.ts';
import type { ProcessModel } from './processModel.ts';
import { conditionTexts, durationText, effectText, roleText, statusLabel, statusRoleText, type Words } from './processText.ts';

/** A short list in a cell, or a dash when there is nothing. */
function Items({ items, none }: { items: ReactNode[]; none: string }) {
  if (!items.length) return <>{none}</>;
  if (items.length === 1) return <>{items[0]}</>;
  return (
    <UnorderedList className="kf-pd-list">
      {items.map((item, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: texts derived from one definition, never reordered.
        <UnorderedListItem key={i}>{item}</UnorderedListItem>
      ))}
    </UnorderedList>
  );
}

/**
 * The diagram as tables, for screen readers and for reading closely: every status with what the
 * complainant sees, every step from → to with who takes it, what it does and what lets it happen.
 */
export function ProcessTables({ model }: { model: ProcessModel }) {
  const { t, l, has } = useI18n();
  const w: Words = { t, l, has };
  const none = t('process.nothing');
  const period = (key: string) => {
    const p = model.periods.find((x) => x.key === key);
    return p ? `${key} (${durationText(w, p.duration)})` : key;
  };
  return (
    <>
      <section aria-labelledby="process-statuses-title" className="kf-section">
        <Heading2 id="process-statuses-title">{t('process.statuses')}</Heading2>
        <TableWrap label={t('process.statuses')}>
          <Table aria-labelledby="process-statuses-title">
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('process.col.status')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('process.col.citizen')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('process.col.statusRoles')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('process.col.reminder')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {model.statuses.map((s) => (
                <TableRow key={s.key}>
                  <TableHeaderCell scope="row">
                    {l(s.label)}
                    <div className="kf-muted">{s.key}</div>
                  </TableHeaderCell>
                  <TableCell>{s.citizenLabel ? l(s.citizenLabel) : none}</TableCell>
                  <TableCell>
                    <Items
                      none={none}
                      items={[
                        ...(s.initial ? [t('process.initial')] : []),
                        ...(s.terminal ? [t('process.terminal')] : []),
                        ...s.roles.map((r) => statusRoleText(w, r)),
                      ]}
                    />
                  </TableCell>
                  <TableCell>{s.remindAfter ? t('process.remindAfter', { period: period(s.remindAfter) }) : none}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableWrap>
      </section>

      <section aria-labelledby="process-steps-title" className="kf-section">
        <Heading2 id="process-steps-title">{t('process.steps')}</Heading2>
        <TableWrap label={t('process.steps')}>
          <Table aria-labelledby="process-steps-title">
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('process.col.step')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('process.col.from')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('process.col.to')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('process.col.roles')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('process.col.effects')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('process.col.conditions')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {model.steps.map((s) => (
                <TableRow key={s.key}>
                  <TableHeaderCell scope="row">
                    {l(s.label)}
                    <div className="kf-muted">{s.key}</div>
                  </TableHeaderCell>
                  <TableCell>
                    {s.from === 'any' ? t('process.anyOpen') : <Items none={none} items={s.from.map((k) => statusLabel(w, model, k))} />}
                  </TableCell>
                  <TableCell>{statusLabel(w, model, s.to)}</TableCell>
                  <TableCell>
                    <Items none={none} items={s.roles.map((r) => roleText(w, r))} />
                  </TableCell>
                  <TableCell>
                    <Items none={none} items={s.effects.map((e) => effectText(w, model, e))} />
                  </TableCell>
                  <TableCell>
                    <Items none={none} items={conditionTexts(w, model, s)} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableWrap>
      </section>

      <section aria-labelledby="process-periods-title" className="kf-section">
        <Heading2 id="process-periods-title">{t('process.periods')}</Heading2>
        {model.periods.length ? (
          <TableWrap label={t('process.periods')}>
            <Table aria-labelledby="process-periods-title">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('process.col.period')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('process.col.duration')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {model.periods.map((p) => (
                  <TableRow key={p.key}>
                    <TableHeaderCell scope="row">{p.key}</TableHeaderCell>
                    <TableCell>{durationText(w, p.duration)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableWrap>
        ) : (
          <Paragraph>{t('process.noPeriods')}</Paragraph>
        )}
      </section>

      <section aria-labelledby="process-texts-title" className="kf-section">
        <Heading2 id="process-texts-title">{t('process.texts')}</Heading2>
        <Heading3 id="process-citizen-steps-title">{t('process.citizenSteps')}</Heading3>
        <TableWrap label={t('process.citizenSteps')}>
          <Table aria-labelledby="process-citizen-steps-title">
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('process.col.key')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('process.col.label')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('process.col.labelEn')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {model.citizenSteps.map((c) => (
                <TableRow key={c.key}>
                  <TableHeaderCell scope="row">{c.key}</TableHeaderCell>
                  <TableCell lang="nl">{c.label.nl}</TableCell>
                  <TableCell lang="en">{c.label.en}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableWrap>
        {model.fields.length ? (
          <>
            <Heading3 id="process-fields-title">{t('process.fields')}</Heading3>
            <TableWrap label={t('process.fields')}>
              <Table aria-labelledby="process-fields-title">
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">{t('process.col.field')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('process.col.label')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('process.col.labelEn')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('process.col.type')}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {model.fields.map((f) => (
                    <TableRow key={f.key}>
                      <TableHeaderCell scope="row">{f.key}</TableHeaderCell>
                      <TableCell lang="nl">{f.label.nl}</TableCell>
                      <TableCell lang="en">{f.label.en}</TableCell>
                      <TableCell>
                        {f.type}
                        {f.required ? `, ${t('process.required')}` : ''}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </TableWrap>
          </>
        ) : null}
      </section>
    </>
  );
}
