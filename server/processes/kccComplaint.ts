import type { ProcessDefinitionInput } from '../domain/process/definition.ts';

/**
 * Preset for seed 000: a ministry's customer-contact centre (KCC). Every step of §4.1–4.5: log as a
 * case, completeness check with information request, coordinator assessment and acknowledgment,
 * classification, the statutory (Awb) path with back office judgment, hearing and decision letter,
 * both non-statutory paths (standard response by the coordinator; letter by back office), and cancel.
 * Mail, timers and letters are attached to these steps as effects in later parts.
 */
import { cancelReason, classificationInputs, judgmentInputs, l, note, notHandlingReason, referralBody, requiredNote } from './shared.ts';

export const kccComplaint: ProcessDefinitionInput = {
  key: 'kcc-complaint',
  version: 1,
  label: l('Klachtmelding KCC', 'KCC complaint'),
  caseType: {
    key: 'complaint',
    label: l('Klacht', 'Complaint'),
    fields: [
      { key: 'product', label: l('Product of dienst', 'Product or service'), type: 'text' },
      { key: 'incidentDate', label: l('Datum van de gebeurtenis', 'Date of the event'), type: 'date' },
      { key: 'desiredOutcome', label: l('Wat wil de klant bereiken?', 'Desired outcome'), type: 'textarea' },
    ],
  },
  // Seed 000 §4.6 names these periods without values; these defaults are set per organisation.
  periods: {
    informationWait: { days: 14 },
    hearingWait: { days: 14 },
    reminder: { workingDays: 5 },
    surveyQuietPeriod: { days: 180 },
  },
  initialStatus: 'registered',
  citizenSteps: [
    { key: 'received', label: l('Ontvangen', 'Received') },
    { key: 'inProgress', label: l('In behandeling', 'Being handled') },
    { key: 'hearing', label: l('Gesprek', 'Hearing') },
    { key: 'answer', label: l('Antwoord', 'Answer') },
    { key: 'done', label: l('Afgerond', 'Done') },
  ],
  statuses: [
    { key: 'registered', label: l('Controle volledigheid', 'Completeness check'), citizenLabel: l('We hebben uw klacht ontvangen', 'We received your complaint'), citizenStep: 'received', remindAfter: 'reminder' },
    { key: 'awaitingInformation', label: l('Wacht op aanvullende informatie', 'Awaiting information'), citizenLabel: l('We wachten op informatie van u', 'We are waiting for information from you'), citizenStep: 'received' },
    { key: 'withCoordinator', label: l('Bij klachtencoördinator', 'With coordinator'), citizenLabel: l('Uw klacht wordt bekeken', 'Your complaint is being reviewed'), citizenStep: 'inProgress', remindAfter: 'reminder' },
    { key: 'acknowledged', label: l('Beoordeeld, ontvangst bevestigd', 'Assessed, acknowledged'), citizenLabel: l('Uw klacht wordt bekeken', 'Your complaint is being reviewed'), citizenStep: 'inProgress', remindAfter: 'reminder' },
    { key: 'classified', label: l('Geclassificeerd', 'Classified'), citizenLabel: l('Uw klacht wordt behandeld', 'Your complaint is being handled'), citizenStep: 'inProgress', remindAfter: 'reminder' },
    { key: 'withBackOffice', label: l('Bij BO klachten voor oordeel', 'With back office for judgment'), citizenLabel: l('Uw klacht wordt onderzocht', 'Your complaint is being investigated'), citizenStep: 'inProgress', remindAfter: 'reminder' },
    { key: 'judged', label: l('Oordeel gegeven', 'Judged'), citizenLabel: l('Uw klacht wordt onderzocht', 'Your complaint is being investigated'), citizenStep: 'inProgress', remindAfter: 'reminder' },
    { key: 'hearingInvited', label: l('Uitgenodigd voor hoorgesprek', 'Invited for hearing'), citizenLabel: l('U bent uitgenodigd voor een gesprek', 'You are invited for a hearing'), citizenStep: 'hearing' },
    { key: 'hearingPlanned', label: l('Hoorgesprek gepland', 'Hearing planned'), citizenLabel: l('Uw gesprek is gepland', 'Your hearing is planned'), citizenStep: 'hearing' },
    { key: 'hearingHeld', label: l('Hoorgesprek gehouden', 'Hearing held'), citizenLabel: l('Het gesprek is geweest', 'The hearing took place'), citizenStep: 'hearing', remindAfter: 'reminder' },
    { key: 'draftingLetter', label: l('Afhandelingsbrief opstellen', 'Drafting decision letter'), citizenLabel: l('We schrijven ons antwoord', 'We are writing our answer'), citizenStep: 'answer', remindAfter: 'reminder' },
    { key: 'letterReview', label: l('Brief controleren', 'Reviewing letter'), citizenLabel: l('We schrijven ons antwoord', 'We are writing our answer'), citizenStep: 'answer', remindAfter: 'reminder' },
    { key: 'withDepartment', label: l('Bij vakafdeling', 'With department'), citizenLabel: l('Uw klacht wordt onderzocht', 'Your complaint is being investigated'), citizenStep: 'inProgress', remindAfter: 'reminder' },
    { key: 'notHandled', label: l('Niet in behandeling genomen', 'Not handled'), citizenLabel: l('Afgerond: niet in behandeling genomen', 'Done: not handled'), citizenStep: 'done', terminal: true },
    { key: 'referred', label: l('Verwezen', 'Referred'), citizenLabel: l('Afgerond: verwezen', 'Done: referred'), citizenStep: 'done', terminal: true },
    { key: 'closed', label: l('Gesloten', 'Closed'), citizenLabel: l('Afgerond', 'Done'), citizenStep: 'done', terminal: true },
    { key: 'cancelled', label: l('Geannuleerd', 'Cancelled'), citizenLabel: l('Gestopt', 'Stopped'), citizenStep: 'done', terminal: true },
  ],
  transitions: [
    // §4.5 completeness check, by the first line
    {
      key: 'requestInformation', label: l('Aanvullende informatie opvragen', 'Request information'),
      from: ['registered', 'withCoordinator'], to: 'awaitingInformation', roles: ['firstLineAgent', 'coordinator'],
      inputs: [{ key: 'informationRequested', label: l('Welke informatie ontbreekt?', 'What information is missing?'), type: 'textarea', required: true, target: 'event' }],
      // Business rules 1 and 2: the request starts a wait; no answer in time closes the case.
      effects: [{ type: 'startTimer', timer: 'informationWait', period: 'informationWait', fire: { transition: 'closeNoInformation' } }, { type: 'sendMessage', template: 'informationRequest' }],
    },
    {
      key: 'informationReceived', label: l('Informatie ontvangen', 'Information received'),
      from: ['awaitingInformation'], to: 'registered', roles: ['firstLineAgent', 'coordinator', 'system'],
      inputs: [note],
    },
    {
      key: 'closeNoInformation', label: l('Sluiten: geen informatie ontvangen', 'Close: no information received'),
      from: ['awaitingInformation'], to: 'closed', roles: ['system'],
      effects: [{ type: 'completeTasks' }, { type: 'sendMessage', template: 'autoClose' }, { type: 'sendSurvey' }],
    },
    // §4.2 forward to the coordinator
    {
      key: 'forwardToCoordinator', label: l('Doorzetten naar klachtencoördinator', 'Forward to coordinator'),
      from: ['registered'], to: 'withCoordinator', roles: ['firstLineAgent'],
      inputs: [note],
      effects: [
        { type: 'assignTeam', team: 'coordinators' },
        { type: 'createTask', taskKey: 'assessCase', subject: l('Melding beoordelen', 'Assess case'), team: 'coordinators' },
      ],
    },
    // §4.3 assess and acknowledge, or return to the first line
    {
      key: 'acknowledge', label: l('Beoordelen en ontvangst bevestigen', 'Assess and acknowledge'),
      from: ['withCoordinator'], to: 'acknowledged', roles: ['coordinator'],
      inputs: [note], effects: [{ type: 'assignActor' }, { type: 'sendMessage', template: 'acknowledgment' }],
    },
    {
      key: 'returnToFirstLine', label: l('Terugzetten naar eerste lijn', 'Return to first line'),
      from: ['withCoordinator', 'acknowledged'], to: 'registered', roles: ['coordinator'],
      inputs: [requiredNote],
      effects: [
        { type: 'assignTeam', team: 'kcc' },
        { type: 'createTask', taskKey: 'completeCase', subject: l('Melding aanvullen', 'Complete case'), team: 'kcc' },
      ],
    },
    {
      key: 'classify', label: l('Classificeren', 'Classify'),
      from: ['acknowledged'], to: 'classified', roles: ['coordinator'],
      inputs: [...classificationInputs, note],
    },
    // Awb 9:8: not handling, with its reason; the notice goes out within 4 weeks of receipt.
    {
      key: 'decline', label: l('Niet in behandeling nemen (Awb 9:8)', 'Do not handle (Awb 9:8)'),
      from: ['withCoordinator', 'acknowledged', 'classified'], to: 'notHandled', roles: ['coordinator'],
      inputs: [notHandlingReason, requiredNote],
      effects: [{ type: 'completeTasks' }, { type: 'noticeOfNotHandling', team: 'coordinators' }],
    },
    // Substantive handling by a department, when the coordinator asks one.
    {
      key: 'forwardToDepartment', label: l('Voorleggen aan vakafdeling', 'Ask the department'),
      from: ['classified'], to: 'withDepartment', roles: ['coordinator'],
      inputs: [{ key: 'departmentQuestion', label: l('Vraag aan de afdeling', 'Question for the department'), type: 'textarea', required: true, target: 'event' }],
      effects: [{ type: 'createTask', taskKey: 'departmentResponse', subject: l('Inhoudelijke reactie geven', 'Give a substantive response'), team: 'department' }],
    },
    {
      key: 'departmentResponded', label: l('Reactie afdeling vastleggen', 'Record department response'),
      from: ['withDepartment'], to: 'classified', roles: ['department', 'coordinator'],
      inputs: [{ key: 'departmentResponse', label: l('Reactie van de afdeling', 'Department response'), type: 'textarea', required: true }],
      effects: [{ type: 'completeTasks' }],
    },
    // Statutory (Awb) path
    {
      key: 'forwardForJudgment', label: l('Doorzetten naar BO klachten voor oordeel', 'Forward to back office for judgment'),
      from: ['classified'], to: 'withBackOffice', roles: ['coordinator'],
      inputs: [note],
      effects: [
        { type: 'assignTeam', team: 'backOffice' },
        { type: 'createTask', taskKey: 'judge', subject: l('Oordeel geven', 'Give judgment'), team: 'backOffice' },
      ],
    },
    {
      key: 'judge', label: l('Oordeel geven', 'Give judgment'),
      from: ['withBackOffice'], to: 'judged', roles: ['backOffice'],
      inputs: [
        ...judgmentInputs,
        note,
      ],
      effects: [
        { type: 'completeTasks' },
        { type: 'assignTeam', team: 'coordinators' },
        { type: 'createTask', taskKey: 'afterJudgment', subject: l('Oordeel verwerken', 'Process judgment'), team: 'coordinators' },
      ],
    },
    {
      key: 'inviteForHearing', label: l('Uitnodigen voor hoorgesprek', 'Invite for hearing'),
      from: ['judged'], to: 'hearingInvited', roles: ['coordinator'],
      inputs: [note],
      effects: [
        { type: 'completeTasks' },
        { type: 'assignActor' },
        // Business rule 4: no appointment within the wait → on to the decision letter.
        { type: 'startTimer', timer: 'hearingWait', period: 'hearingWait', fire: { transition: 'hearingExpired' } }, { type: 'sendMessage', template: 'hearingInvitation' }],
    },
    {
      key: 'planHearing', label: l('Hoorgesprek plannen', 'Plan hearing'),
      from: ['hearingInvited'], to: 'hearingPlanned', roles: ['coordinator', 'system'],
      inputs: [{ key: 'hearingAt', label: l('Datum en tijd gesprek', 'Hearing date and time'), type: 'datetime', required: true }],
      effects: [{ type: 'createTask', taskKey: 'holdHearing', subject: l('Hoorgesprek voeren', 'Hold hearing'), team: 'coordinators' }, { type: 'sendMessage', template: 'hearingConfirmation' }],
    },
    {
      key: 'recordHearing', label: l('Hoorverslag toevoegen', 'Add hearing report'),
      from: ['hearingPlanned'], to: 'hearingHeld', roles: ['coordinator'], requiresDocument: 'hearingReport',
      inputs: [{ key: 'hearingSummary', label: l('Samenvatting hoorgesprek', 'Hearing summary'), type: 'textarea', required: true }],
      effects: [{ type: 'completeTasks' }],
    },
    {
      key: 'skipHearing', label: l('Afzien van hoorgesprek', 'Skip hearing'),
      from: ['judged'], to: 'draftingLetter', roles: ['coordinator'],
      inputs: [{ key: 'hearingSkipReason', label: l('Reden (Awb 9:10 lid 2)', 'Reason (Awb 9:10(2))'), type: 'select', required: true,
        options: [
          { value: 'manifestlyUnfounded', label: l('De klacht is kennelijk ongegrond', 'Manifestly unfounded') },
          { value: 'complainantDeclined', label: l('De klager wil niet gehoord worden', 'Complainant declined') },
          { value: 'resolvedToSatisfaction', label: l('Naar tevredenheid opgelost', 'Resolved to satisfaction') },
        ] }, note],
      effects: [
        { type: 'completeTasks' },
        { type: 'assignTeam', team: 'backOffice' },
        { type: 'createTask', taskKey: 'draftLetter', subject: l('Afhandelingsbrief opstellen', 'Draft decision letter'), team: 'backOffice' },
      ],
    },
    {
      key: 'hearingExpired', label: l('Geen afspraak binnen wachttermijn', 'No hearing appointment in time'),
      from: ['hearingInvited'], to: 'draftingLetter', roles: ['system'],
      effects: [
        { type: 'assignTeam', team: 'backOffice' },
        { type: 'createTask', taskKey: 'draftLetter', subject: l('Afhandelingsbrief opstellen', 'Draft decision letter'), team: 'backOffice' },
      ],
    },
    {
      key: 'forwardForLetter', label: l('Doorzetten naar BO klachten voor brief', 'Forward to back office for letter'),
      from: ['hearingHeld', 'classified'], to: 'draftingLetter', roles: ['coordinator'],
      inputs: [note],
      effects: [
        { type: 'completeTasks' },
        { type: 'assignTeam', team: 'backOffice' },
        { type: 'createTask', taskKey: 'draftLetter', subject: l('Afhandelingsbrief opstellen', 'Draft decision letter'), team: 'backOffice' },
      ],
    },
    {
      key: 'submitLetter', label: l('Brief ter controle aanbieden', 'Submit letter for review'),
      from: ['draftingLetter'], to: 'letterReview', roles: ['backOffice'], requiresLetter: { atLeast: 'inReview', kinds: ['decision'] },
      inputs: [note],
      effects: [
        { type: 'completeTasks' },
        { type: 'assignTeam', team: 'coordinators' },
        { type: 'createTask', taskKey: 'reviewLetter', subject: l('Brief controleren en versturen', 'Review and send letter'), team: 'coordinators' },
      ],
    },
    // Non-statutory, with a standard response: the coordinator writes the standard letter
    {
      key: 'draftStandardLetter', label: l('Standaard afhandelingsbrief opstellen', 'Draft standard letter'),
      from: ['classified'], to: 'letterReview', roles: ['coordinator'],
      inputs: [note], effects: [{ type: 'assignActor' }],
    },
    {
      key: 'sendLetter', label: l('Brief controleren en versturen', 'Review and send letter'),
      from: ['letterReview'], to: 'closed', roles: ['coordinator'], requiresLetter: { atLeast: 'sent', kinds: ['decision', 'standard'] },
      inputs: [note], effects: [{ type: 'completeTasks' }, { type: 'sendSurvey' }],
    },
    {
      key: 'refer', label: l('Verwijzen naar externe instantie', 'Refer to an external body'),
      from: ['judged', 'hearingHeld', 'letterReview'], to: 'referred', roles: ['coordinator'],
      inputs: [referralBody, requiredNote],
      effects: [{ type: 'completeTasks' }],
    },
    {
      key: 'cancel', label: l('Annuleren', 'Cancel'),
      from: '*', to: 'cancelled', roles: ['firstLineAgent', 'coordinator'],
      inputs: [
        cancelReason,
        requiredNote,
      ],
      effects: [{ type: 'completeTasks' }, { type: 'sendMessage', template: 'cancellation' }],
    },
  ],
};
