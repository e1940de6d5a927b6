import { Button, Heading2, Link, Paragraph } from '@utrecht/component-library-react';
import { API, api } from '../../api/client.ts';
import type { Transition } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { LetterDetail } from './letterTypes.ts';

type Run = (action: (current: LetterDetail) => Promise<LetterDetail>, message: (l: LetterDetail) => string) => Promise<void>;
type Props = { letter: LetterDetail; steps: Transition[]; busy: boolean; dirty: boolean; run: Run };

/**
 * Preview, offer for review, approve, send: each button only when the server's abilities for this
 * letter say it will work. When the case is at the matching process step (`submitStep`,
 * `sendStep`), the step is taken in the same request; sending the decision letter closes the case.
 */
export function LetterActions({ letter, steps, busy, dirty, run }: Props) {
  const { t, l } = useI18n();
  const a = letter.abilities;
  const stepLabel = (key: string | null) => {
    if (!key) return null;
    const s = steps.find((x) => x.key === key);
    return s ? l(s.label) : key;
  };
  const transition = (key: string | null) => (key ? { caseTransition: { key, inputs: {} } } : {});
  const submitStep = stepLabel(a.submitStep);
  const sendStep = stepLabel(a.sendStep);
  const nothing = !a.submit && !a.approve && !a.send;
  return (
    <section aria-labelledby="letter-actions-title" className="kf-section">
      <Heading2 id="letter-actions-title">{t('letter.actions')}</Heading2>
      <Paragraph>
        <Link href={`${API}/letters/${letter.id}/pdf`} target="_blank" rel="noopener">
          {letter.status === 'sent' ? t('letter.previewSent') : t('letter.preview')} <span className="kf-muted">{t('letter.newWindow')}</span>
        </Link>
      </Paragraph>
      {nothing && letter.status !== 'sent' ? <Paragraph>{t('letter.noActions')}</Paragraph> : null}
      {dirty && !nothing ? <Paragraph className="kf-muted">{t('letter.saveFirst')}</Paragraph> : null}
      <div className="kf-actions">
        {a.submit ? (
          <Button
            appearance={a.approve ? 'secondary-action-button' : 'primary-action-button'}
            busy={busy}
            disabled={busy}
            aria-describedby={submitStep ? 'letter-submit-step' : undefined}
            onClick={() => run((c) => api.post<LetterDetail>(`/letters/${c.id}/submit`, { expectedVersion: c.version, ...transition(a.submitStep) }), () => (submitStep ? t('letter.submittedWithStep', { step: submitStep }) : t('letter.submitted')))}
          >
            {t('letter.submit')}
          </Button>
        ) : null}
        {a.approve ? (
          <Button
            appearance="primary-action-button"
            busy={busy}
            disabled={busy}
            onClick={() => run((c) => api.post<LetterDetail>(`/letters/${c.id}/approve`, { expectedVersion: c.version }), (x) => t('letter.approved', { name: x.signer.name ?? '' }))}
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
            onClick={() => run((c) => api.post<LetterDetail>(`/letters/${c.id}/send`, { expectedVersion: c.version, ...transition(a.sendStep) }), () => (sendStep ? t('letter.sentWithStep', { step: sendStep }) : t('letter.sent')))}
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
