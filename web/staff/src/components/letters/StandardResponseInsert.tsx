import { Button, Heading3, Paragraph, Select, SelectOption } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { Field } from '../../../../ui/index.ts';
import { useResource } from '../../api/useResource.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { LetterDetail, StandardResponse } from './letterTypes.ts';

type Section = LetterDetail['sections'][number];
type Props = { letter: LetterDetail; busy: boolean; onInsert: (section: Section, response: StandardResponse) => Promise<void> };

/**
 * An approved standard response (standaard woordvoering) into a section. The server inserts the
 * approved text itself, so it cannot change on the way; unsaved edits are saved in the same version.
 */
export function StandardResponseInsert({ letter, busy, onInsert }: Props) {
  const { t } = useI18n();
  const responses = useResource<{ items: StandardResponse[] }>(`/standard-responses?kind=${letter.kind}`);
  const sections = letter.sections.filter((s) => !letter.sectionRules.find((r) => r.key === s.key)?.legal);
  const [responseKey, setResponseKey] = useState('');
  const [sectionKey, setSectionKey] = useState(sections[0]?.key ?? '');
  const [missing, setMissing] = useState(false);
  const items = responses.data?.items ?? [];
  if (!items.length || !sections.length) return null;
  const chosen = items.find((r) => r.key === responseKey);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const section = sections.find((s) => s.key === sectionKey);
    setMissing(!chosen);
    if (!chosen || !section) {
      document.getElementById('letter-insert-response')?.focus();
      return;
    }
    void onInsert(section, chosen).then(() => setResponseKey(''));
  };
  return (
    <form onSubmit={submit} noValidate className="kf-panel kf-section" aria-labelledby="letter-insert-title">
      <Heading3 id="letter-insert-title">{t('letter.insertTitle')}</Heading3>
      <Paragraph className="kf-muted">{t('letter.insertHint')}</Paragraph>
      <div className="kf-row">
        <Field
          id="letter-insert-response"
          label={t('letter.insertResponse')}
          error={missing && !chosen ? t('letter.insertNone') : undefined}
        >
          {(ctl) => (
            <Select {...ctl} value={responseKey} onChange={(e) => setResponseKey(e.currentTarget.value)}>
              <SelectOption value="">{t('letter.insertChoose')}</SelectOption>
              {items.map((r) => (
                <SelectOption key={r.key} value={r.key}>
                  {r.title}
                </SelectOption>
              ))}
            </Select>
          )}
        </Field>
        <Field id="letter-insert-section" label={t('letter.insertSection')}>
          {(ctl) => (
            <Select {...ctl} value={sectionKey} onChange={(e) => setSectionKey(e.currentTarget.value)}>
              {sections.map((s) => (
                <SelectOption key={s.key} value={s.key}>
                  {s.heading}
                </SelectOption>
              ))}
            </Select>
          )}
        </Field>
      </div>
      {chosen ? <Paragraph className="kf-pre kf-muted">{chosen.text}</Paragraph> : null}
      <Button type="submit" appearance="secondary-action-button" busy={busy} disabled={busy}>
        {t('letter.insert')}
      </Button>
    </form>
  );
}
