import '../components/letters/letters.css';
import { Alert, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import type { CaseDetail } from '../api/types.ts';
import { useResource } from '../api/useResource.ts';
import { kindLabel, statusLabel } from '../components/letters/CaseLetters.tsx';
import { LetterEditor } from '../components/letters/LetterEditor.tsx';
import type { LetterDetail } from '../components/letters/letterTypes.ts';
import { PageHeading } from '../components/PageHeading.tsx';
import { PendingPage } from '../components/PendingPage.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { AppLink } from '../router.tsx';

/**
 * One letter of a case: write and edit its sections with live plain-language feedback, keep every
 * saved version, preview the PDF, offer it for review, approve and send. Which of these buttons
 * appear is the server's answer (the letter's abilities), never worked out here.
 */
export default function LetterPage({ caseId, letterId }: { caseId: string; letterId: string }) {
  const { t, l, dateTime } = useI18n();
  const res = useResource<LetterDetail>(`/letters/${letterId}`);
  const caseRes = useResource<CaseDetail>(`/cases/${caseId}`);
  const [done, setDone] = useState<{ text: string; n: number } | null>(null);
  const doneRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);
  const letter = res.data;
  if (!letter) {
    return <PendingPage title={t('letters.title')} res={res} />;
  }
  const title = t('letter.pageTitle', { letter: kindLabel(t, letter.kind), reference: letter.caseReference });
  const c = caseRes.data;
  const signer = letter.signer.name
    ? letter.signer.title
      ? t('letter.signerTitle', { name: letter.signer.name, title: letter.signer.title })
      : letter.signer.name
    : null;
  return (
    <>
      <PageHeading title={title} />
      <Paragraph>
        <AppLink to={`/meldingen/${caseId}`}>{t('letter.backToCase', { reference: letter.caseReference })}</AppLink>
      </Paragraph>
      <Paragraph appearance="lead">
        {letter.templateLabel} · {t('letter.state', { status: statusLabel(t, letter.status), version: letter.textVersion })}
        {c ? ` · ${t('letter.caseStatus', { status: l(c.statusLabel) })}` : null}
      </Paragraph>
      {signer ? <Paragraph>{t('letter.signer', { name: signer })}</Paragraph> : null}
      {letter.sentAt ? <Paragraph>{t('letter.sentAt', { date: dateTime(letter.sentAt) })}</Paragraph> : null}
      {/* On paper a letter is sent on the day it is marked posted (Te versturen post). */}
      {letter.status === 'sent' && !letter.sentAt ? (
        <Paragraph>
          {t('letter.awaitingPost')} <AppLink to="/post">{t('nav.post')}</AppLink>
        </Paragraph>
      ) : null}
      {done ? (
        <div ref={doneRef} tabIndex={-1} className="kf-focus-target">
          <Alert type="ok">{done.text}</Alert>
        </div>
      ) : null}
      <LetterEditor
        key={letter.id}
        letter={letter}
        steps={c?.abilities.transitions ?? []}
        signer={{
          handlerId: c?.assignee?.id ?? null,
          excludedIds: (c?.complainedPersons ?? []).flatMap((p) => (p.userId ? [p.userId] : [])),
        }}
        onChanged={(updated, message) => {
          res.setData(updated);
          caseRes.reload();
          setDone(message ? { text: message, n: (done?.n ?? 0) + 1 } : null);
        }}
        onBusy={() => setDone(null)}
        onReload={() => {
          res.reload();
          caseRes.reload();
        }}
      />
    </>
  );
}
