import { Alert, Button, Heading2, Heading3, Paragraph, Textarea } from '@utrecht/component-library-react';
import { useMemo, useState, type FormEvent } from 'react';
import { ErrorSummary, Field } from '../../../../ui/index.ts';
import { api } from '../../api/client.ts';
import { fieldErrorsOf, generalMessage, isConflict } from '../../api/errors.ts';
import type { Transition } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ErrorNotice } from '../ErrorNotice.tsx';
import { LetterActions, SIGNER_FIELD_ID, type SignerContext } from './LetterActions.tsx';
import type { LetterDetail } from './letterTypes.ts';
import { ReadabilityPanel } from './ReadabilityPanel.tsx';
import { StandardResponseInsert } from './StandardResponseInsert.tsx';
import { VersionList } from './VersionList.tsx';

type Props = {
  letter: LetterDetail;
  steps: Transition[];
  signer: SignerContext;
  onChanged: (letter: LetterDetail, message: string | null) => void;
  onBusy: () => void;
  onReload: () => void;
};

export const sectionFieldId = (key: string) => `letter-section-${key}`;
// Tall enough for the text (about 70 characters a line), within reason.
const rowsFor = (text: string) =>
  Math.min(16, Math.max(4, text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(line.length / 70)), 0) + 1));

/**
 * The sections of a letter as labelled text areas, saved together as a new version (versions are
 * never changed). Server messages land at their section: `sections.<i>.text` from saving,
 * `sections.<key>` from approval, `signerUserId` at the signer choice. Actions save unsaved text
 * first, so what is approved or sent is what the writer sees.
 */
export function LetterEditor({ letter, steps, signer, onChanged, onBusy, onReload }: Props) {
  const { t } = useI18n();
  const fromLetter = () => Object.fromEntries(letter.sections.map((s) => [s.key, s.text]));
  const [texts, setTexts] = useState<Record<string, string>>(fromLetter);
  // A new saved version replaces what is in the text areas (errors and notices stay on screen).
  const [base, setBase] = useState(letter.textVersion);
  if (base !== letter.textVersion) {
    setBase(letter.textVersion);
    setTexts(fromLetter());
  }
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const rules = useMemo(() => new Map(letter.sectionRules.map((r) => [r.key, r])), [letter.sectionRules]);
  const editable = letter.abilities.edit;
  const changed = letter.sections.filter((s) => (texts[s.key] ?? '') !== s.text);
  const dirty = changed.length > 0;

  // Plain-language feedback covers what the writer wrote, not the wording the law prescribes.
  const measured = letter.sections
    .filter((s) => !rules.get(s.key)?.legal)
    .map((s) => texts[s.key] ?? '')
    .join('\n\n');

  const fe = fieldErrorsOf(error);
  const atSection: Record<string, string> = {};
  const rest: string[] = [];
  const signerError = fe.signerUserId;
  for (const [name, reason] of Object.entries(fe)) {
    if (name === 'signerUserId') continue;
    const byIndex = name.match(/^sections\.(\d+)\./);
    const byKey = name.match(/^sections\.([A-Za-z]\w*)$/);
    const key = byIndex ? letter.sections[Number(byIndex[1])]?.key : byKey?.[1];
    if (key && rules.has(key)) atSection[key] ??= reason;
    else rest.push(reason);
  }
  const general = error && !isConflict(error) && !Object.keys(fe).length ? [generalMessage(error, t)] : rest;
  const summary = [
    ...letter.sections
      .filter((s) => atSection[s.key])
      .map((s) => ({ fieldId: sectionFieldId(s.key), message: `${s.heading}: ${atSection[s.key]}` })),
    ...(signerError ? [{ fieldId: SIGNER_FIELD_ID, message: `${t('letter.signerChoose')}: ${signerError}` }] : []),
    ...general.map((message) => ({ message })),
  ];

  /** Saves the changed sections (with optional standard responses); returns the letter as it now is. */
  const save = async (from: LetterDetail, extra: { insertStandardResponses?: { section: string; responseKey: string }[] } = {}) => {
    const body = {
      expectedVersion: from.version,
      sections: letter.sections.map((s) => ({ key: s.key, text: texts[s.key] ?? '' })),
      ...extra,
    };
    return api.post<LetterDetail>(`/letters/${letter.id}/versions`, body);
  };

  /** Runs an action with the editor's error handling; saves unsaved text first. */
  const run = async (action: (current: LetterDetail) => Promise<LetterDetail>, message: (l: LetterDetail) => string, saveFirst = true) => {
    setBusy(true);
    setError(null);
    onBusy();
    let current = letter;
    try {
      if (dirty && saveFirst) current = await save(letter);
      const updated = await action(current);
      onChanged(updated, message(updated));
    } catch (err) {
      setError(err);
      // A save that went through before the action failed is kept: show that version.
      if (current !== letter) onChanged(current, null);
    } finally {
      setBusy(false);
    }
  };

  const submitSave = (e: FormEvent) => {
    e.preventDefault();
    if (!dirty) {
      onChanged(letter, t('letter.noChanges'));
      return;
    }
    void run(
      async (l) => l,
      (l) => t('letter.saved', { version: l.textVersion }),
    );
  };

  return (
    <div className="kf-columns kf-letter">
      <div>
        <section aria-labelledby="letter-text-title">
          <Heading2 id="letter-text-title">{t('letter.text')}</Heading2>
          {isConflict(error) ? <ErrorNotice error={error} onRetry={onReload} /> : null}
          <ErrorSummary title={t('app.formErrors')} errors={summary} headingLevel={3} />
          {letter.problems.length && letter.status !== 'sent' ? (
            <Alert type="warning">
              <Heading3>{t('letter.problemsTitle')}</Heading3>
              <ul>
                {letter.problems.map((p, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: problems have no id (section is optional and may repeat); the list is replaced whole on each answer, never reordered.
                  <li key={i}>
                    {p.section && rules.has(p.section) ? (
                      <a className="utrecht-link" href={`#${sectionFieldId(p.section)}`}>
                        {rules.get(p.section)!.heading}: {p.reason}
                      </a>
                    ) : (
                      p.reason
                    )}
                  </li>
                ))}
              </ul>
            </Alert>
          ) : null}
          {editable ? (
            <form onSubmit={submitSave} noValidate aria-labelledby="letter-text-title">
              {letter.sections.map((s) => {
                const rule = rules.get(s.key);
                const hint = [rule?.mandatory ? t('letter.mandatory') : '', rule?.legal ? t('letter.legal') : ''].filter(Boolean).join(' ');
                return (
                  <Field key={s.key} id={sectionFieldId(s.key)} label={s.heading} description={hint || undefined} error={atSection[s.key]}>
                    {(ctl) => (
                      <Textarea
                        {...ctl}
                        rows={rowsFor(texts[s.key] ?? '')}
                        value={texts[s.key] ?? ''}
                        onChange={(e) => {
                          const v = e.currentTarget.value;
                          setTexts((x) => ({ ...x, [s.key]: v }));
                        }}
                      />
                    )}
                  </Field>
                );
              })}
              {dirty ? <Paragraph className="kf-muted">{t('letter.unsaved')}</Paragraph> : null}
              <Button type="submit" appearance="secondary-action-button" busy={busy} disabled={busy}>
                {t('letter.save')}
              </Button>
            </form>
          ) : (
            <>
              <Paragraph className="kf-muted">{t('letter.readOnly')}</Paragraph>
              {letter.sections.map((s) => (
                <div key={s.key}>
                  <Heading3>{s.heading}</Heading3>
                  <Paragraph className="kf-pre">{s.text}</Paragraph>
                </div>
              ))}
            </>
          )}
          {editable ? (
            <StandardResponseInsert
              letter={letter}
              busy={busy}
              onInsert={(section, response) =>
                run(
                  () => save(letter, { insertStandardResponses: [{ section: section.key, responseKey: response.key }] }),
                  (l) => t('letter.inserted', { title: response.title, section: section.heading, version: l.textVersion }),
                  false,
                )
              }
            />
          ) : null}
        </section>
        <LetterActions letter={letter} steps={steps} busy={busy} dirty={dirty} run={run} signer={signer} signerError={signerError} />
        <VersionList letter={letter} />
      </div>
      {editable ? <ReadabilityPanel text={measured} /> : null}
    </div>
  );
}
