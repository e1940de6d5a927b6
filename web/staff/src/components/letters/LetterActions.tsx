import { Button, Heading2, Link, Paragraph, Select, SelectOption } from '@utrecht/component-library-react';
import { useState } from 'react';
import { Field } from '../../../../ui/index.ts';
import { API, api } from '../../api/client.ts';
import { useDirectory } from '../../api/directory.ts';
import type { Transition } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useSession } from '../../session.tsx';
import type { LetterDetail } from './letterTypes.ts';

type Run = (action: (current: LetterDetail) => Promise<LetterDetail>, message: (l: LetterDetail) => string) => Promise<void>;
/** Who may sign: the case's handler by default, never someone the complaint is about (Awb 9:7). */
export type SignerContext = { handlerId: string | null; excludedIds: string[] };
type Props = {
  letter: LetterDetail;
  steps: Transition[];
  busy: boolean;
  dirty: boolean;
  run: Run;
  signer: SignerContext;
  signerError?: string;
};

export const SIGNER_FIELD_ID = 'letter-signer';

/**
 * Preview, offer for review, approve, send: each button only when the server's abilities for this
 * letter say it will work. When the case is at the matching process step (`submitStep`,
 * `sendStep`), the step is taken in the same request; sending the decision letter closes the case.
 * Approving names the signer (seed 003: preferably the person the complainant spoke to): a colleague
 * from the staff directory, preselected with the letter's signer, else the case's handler, else
 * the approver (as the server would choose). While the case is at a review step that holds the
 * letter (`heldBy`, e.g. the B1 team's language check), approving and sending wait, and it says so.
 */
export function LetterActions({ letter, steps, busy, dirty, run, signer, signerError }: Props) {
  const { t, l } = useI18n();
  const a = letter.abilities;
  const dir = useDirectory();
  const { session } = useSession();
  const [chosen, setChosen] = useState<string | null>(null);
  const colleagues = (dir?.users ?? []).filter((u) => !signer.excludedIds.includes(u.id));
  const proposed = [letter.signer.id, signer.handlerId, session?.user.id].find((id) => id && colleagues.some((u) => u.id === id)) ?? '';
  const signerId = chosen ?? proposed;
  // Without the directory (no right to read it) the server picks its default signer.
  const chooseSigner = a.approve && colleagues.length > 0;
  const stepLabel = (key: string | null) => {
    if (!key) return null;
    const s = steps.find((x) => x.key === key);
    return s ? l(s.label) : key;
  };
  const submitStep = stepLabel(a.submitStep);
  const sendStep = stepLabel(a.sendStep);
  const nothing = !a.submit && !a.approve && !a.send;
  return (
    <section aria-labelledby="letter-actions-title" className="kf-section">
      <Heading2 id="letter-actions-title">{t('letter.actions')}</Heading2>
      <Paragraph>
        <Link href={`${API}/letters/${letter.id}/pdf`} target="_blank" rel="noopener">
          {letter.status === 'sent' ? t('letter.previewSent') : t('letter.preview')}{' '}
          <span className="kf-muted">{t('letter.newWindow')}</span>
        </Link>
      </Paragraph>
      {a.heldBy ? (
        <Paragraph id="letter-held">
          {t('letter.held', { step: l(a.heldBy.at) })}{' '}
          {a.heldBy.until ? t('letter.heldUntil', { step: l(a.heldBy.until) }) : t('letter.heldLater')}
        </Paragraph>
      ) : nothing && letter.status !== 'sent' ? (
        <Paragraph>{t('letter.noActions')}</Paragraph>
      ) : null}
      {dirty && !nothing ? <Paragraph className="kf-muted">{t('letter.saveFirst')}</Paragraph> : null}
      {chooseSigner ? (
        <Field id={SIGNER_FIELD_ID} label={t('letter.signerChoose')} description={t('letter.signerHint')} error={signerError}>
          {(ctl) => (
            <Select {...ctl} value={signerId} onChange={(e) => setChosen(e.currentTarget.value)}>
              {signerId ? null : <SelectOption value="">{t('letter.signerDefault')}</SelectOption>}
              {colleagues.map((u) => (
                <SelectOption key={u.id} value={u.id}>
                  {u.name}
                </SelectOption>
              ))}
            </Select>
          )}
        </Field>
      ) : null}
      <div className="kf-actions">
        {a.submit ? (
          <Button
            appearance={a.approve ? 'secondary-action-button' : 'primary-action-button'}
            busy={busy}
            disabled={busy}
            aria-describedby={submitStep ? 'letter-submit-step' : undefined}
            onClick={() =>
              run(
                (c) => api.post<LetterDetail>(`/letters/${c.id}/submit`, { expectedVersion: c.version }),
                () => (submitStep ? t('letter.submittedWithStep', { step: submitStep }) : t('letter.submitted')),
              )
            }
          >
            {t('letter.submit')}
          </Button>
        ) : null}
        {a.approve ? (
          <Button
            appearance="primary-action-button"
            busy={busy}
            disabled={busy}
            onClick={() =>
              run(
                (c) =>
                  api.post<LetterDetail>(`/letters/${c.id}/approve`, {
                    expectedVersion: c.version,
                    ...(chooseSigner && signerId ? { signerUserId: signerId } : {}),
                  }),
                (x) => t('letter.approved', { name: x.signer.name ?? '' }),
              )
            }
          >
            {t('letter.approve')}
          </Button>
        ) : null}
        {a.send ? (
          <Button
            appearance="primary-action-button"
            busy={busy}
            disabled={busy}
            aria-describedby={sendStep ? 'letter-send-step' : undefined}
            onClick={() =>
              run(
                (c) => api.post<LetterDetail>(`/letters/${c.id}/send`, { expectedVersion: c.version }),
                () => (sendStep ? t('letter.sentWithStep', { step: sendStep }) : t('letter.sent')),
              )
            }
          >
            {t('letter.send')}
          </Button>
        ) : null}
      </div>
      {submitStep ? (
        <Paragraph id="letter-submit-step" className="kf-muted">
          {t('letter.submit')}: {t('letter.withStep', { step: submitStep })}
        </Paragraph>
      ) : null}
      {sendStep ? (
        <Paragraph id="letter-send-step" className="kf-muted">
          {t('letter.send')}: {t('letter.withStep', { step: sendStep })}
        </Paragraph>
      ) : null}
    </section>
  );
}
