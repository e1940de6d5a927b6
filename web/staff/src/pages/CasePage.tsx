import { Alert, Paragraph } from '@utrecht/component-library-react';
import { useDirectory } from '../api/directory.ts';
import type { CaseDetail } from '../api/types.ts';
import { useResource } from '../api/useResource.ts';
import { useFlash } from '../components/announce.ts';
import { AdvicePanel } from '../components/case/AdvicePanel.tsx';
import { CaseSteps } from '../components/case/CaseSteps.tsx';
import { CaseSummary } from '../components/case/CaseSummary.tsx';
import { CaseZaakLine } from '../components/case/CaseZaakLine.tsx';
import { ClocksPanel } from '../components/case/ClocksPanel.tsx';
import { ComplainedPersonsPanel } from '../components/case/ComplainedPersonsPanel.tsx';
import { DocumentsPanel } from '../components/case/DocumentsPanel.tsx';
import { DossierPanel } from '../components/case/DossierPanel.tsx';
import { ContactPanel } from '../components/case/ContactPanel.tsx';
import { HearingInvitationForm } from '../components/case/HearingInvitationForm.tsx';
import { HearingSlots } from '../components/case/HearingSlots.tsx';
import { LinkedActivities } from '../components/case/LinkedActivities.tsx';
import { NotesPanel } from '../components/case/NotesPanel.tsx';
import { processLabels } from '../components/case/processLabels.ts';
import { Timeline } from '../components/case/Timeline.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { CaseLetters } from '../components/letters/CaseLetters.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { PersonMergePanel } from '../components/persons/PersonMergePanel.tsx';
import { MandatePanel } from '../components/mandates/MandatePanel.tsx';
import { CaseMeasuresPanel } from '../components/measures/CaseMeasuresPanel.tsx';
import { CaseSurveyPanel } from '../components/surveys/CaseSurveyPanel.tsx';
import { PendingPage } from '../components/PendingPage.tsx';
import { RevealTogether } from '../components/Skeleton.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import '../components/case/casePage.css';

/** The case's place while it loads: about the height of its two columns' first screen. */
const CASE_SKELETON = '36rem';

// Steps whose inputs are more than the generated form can ask (by the purpose the server gives them): the hearing's time slots.
const STEP_FORMS = { hearingInvitation: HearingInvitationForm };

import { CaseRestrictionNotice } from '../components/subjectRequests/CaseRestrictionNotice.tsx';
/** One case: its facts, the steps one may take now, the timeline, notes, documents, activities. */
export default function CasePage({ id }: { id: string }) {
  const { t, l } = useI18n();
  const dir = useDirectory();
  const res = useResource<CaseDetail>(`/cases/${id}`);
  const [flash] = useFlash();
  const c = res.data;
  if (!c) {
    return <PendingPage title={t('case.title', { reference: '' }).trim()} res={res} height={CASE_SKELETON} />;
  }
  const labels = processLabels(dir, c.processKey);
  return (
    <>
      <PageHeading title={t('case.title', { reference: c.reference })}>
        {t('case.title', { reference: c.reference })}: {c.subject}
      </PageHeading>
      <Paragraph appearance="lead">
        {l(c.statusLabel)} · {c.complainantName}
      </Paragraph>
      {flash ? <Alert type="ok">{flash}</Alert> : null}
      {res.error ? <ErrorNotice error={res.error} onRetry={res.reload} /> : null}
      {/* Letters, timeline and the rest load their own data: shown together, so none pushes another down. */}
      <RevealTogether height={CASE_SKELETON} lines={10}>
        <CaseRestrictionNotice caseId={c.id} />
        <div className="kf-columns">
          <div>
            <CaseSteps c={c} onChanged={res.setData} onReload={res.reload} forms={STEP_FORMS} />
            <DossierPanel c={c} onChanged={res.reload} />
            <CaseSummary c={c} labels={labels} />
            <CaseZaakLine caseId={c.id} version={c.version} />
            <PersonMergePanel c={c} onChanged={res.reload} />
            <MandatePanel c={c} onChanged={res.reload} />
            <HearingSlots c={c} onChanged={res.setData} />
            <AdvicePanel c={c} onChanged={res.reload} />
          </div>
          {/* Beside the case: its letters, the record (collapsed until opened) and the timeline, so a case fits in two screens. */}
          <div className="kf-case-side">
            <ClocksPanel c={c} onChanged={res.reload} />
            <CaseLetters caseId={c.id} version={c.version} />
            <ComplainedPersonsPanel c={c} onAdded={res.reload} />
            <ContactPanel c={c} onAdded={res.reload} />
            <NotesPanel c={c} onAdded={res.reload} />
            <DocumentsPanel c={c} onAdded={res.reload} />
            <LinkedActivities c={c} />
            <CaseMeasuresPanel c={c} />
            <CaseSurveyPanel c={c} />
            <Timeline
              caseId={c.id}
              version={c.version + c.notes.length + c.documents.length + c.activities.length}
              labels={labels}
              dir={dir}
              activities={c.activities}
            />
          </div>
        </div>
      </RevealTogether>
    </>
  );
}
