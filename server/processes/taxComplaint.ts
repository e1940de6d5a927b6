import type { ProcessDefinitionInput } from '../domain/process/definition.ts';
import { cancelReason, classificationInputs, judgmentInputs, l, note, notHandlingReason, requiredNote } from './shared.ts';

/**
 * Preset for seed 001: a municipal tax cooperation. Informal complaints (steps 1–7): whoever
 * receives one tries to solve it, with a warm hand-over to the complaints team when that fails;
 * the solution and the complainant's satisfaction are recorded and a summary is sent. Formal
 * complaints (steps 8–14): the coordinator acknowledges and registers, a department judges and
 * drafts the response, the coordinator checks it (with the plain-language check) and sends it.
 * KPI: at most 7 days lead time (the organisation's service-norm clock).
 */
const receivers = ['firstLineAgent', 'department', 'teamLead', 'coordinator'] as const;

export const taxComplaint: ProcessDefinitionInput = {
  key: 'tax-complaint',
  version: 1,
  label: l('Klachtafhandeling belastingen', 'Tax complaint handling'),
  caseType: {
    key: 'complaint',
    label: l('Klacht', 'Complaint'),
    fields: [
      { key: 'taxSubject', label: l('Over welke aanslag of welk object?', 'Which assessment or property?'), type: 'text' },
      { key: 'incidentDate', label: l('Datum van de gebeurtenis', 'Date of the event'), type: 'date' },
    ],
  },
  periods: { informationWait: { days: 14 }, reminder: { workingDays: 2 }, surveyQuietPeriod: { days: 180 } },
  initialStatus: 'received',
  citizenSteps: [
    { key: 'received', label: l('Ontvangen', 'Received') },
    { key: 'inProgress', label: l('In behandeling', 'Being handled') },
    { key: 'answer', label: l('Antwoord', 'Answer') },
    { key: 'done', label: l('Afgerond', 'Done') },
  ],
  statuses: [
    {
      key: 'received',
      label: l('Bij ontvanger', 'With receiver'),
      citizenLabel: l('We hebben uw klacht ontvangen', 'We received your complaint'),
      citizenStep: 'received',
      remindAfter: 'reminder',
    },
    {
      key: 'withComplaintsTeam',
      label: l('Bij klachtenteam (informeel)', 'With complaints team (informal)'),
      citizenLabel: l('Uw klacht wordt behandeld', 'Your complaint is being handled'),
      citizenStep: 'inProgress',
      remindAfter: 'reminder',
    },
    {
      key: 'informalRegistered',
      label: l('Informele klacht geregistreerd', 'Informal complaint registered'),
      citizenLabel: l('Uw klacht wordt behandeld', 'Your complaint is being handled'),
      citizenStep: 'inProgress',
      remindAfter: 'reminder',
    },
    {
      key: 'awaitingInformation',
      label: l('Wacht op aanvullende informatie', 'Awaiting information'),
      citizenLabel: l('We wachten op informatie van u', 'We are waiting for information from you'),
      citizenStep: 'inProgress',
    },
    {
      key: 'formalWithCoordinator',
      label: l('Formele klacht bij coördinator', 'Formal complaint with coordinator'),
      citizenLabel: l('Uw klacht wordt bekeken', 'Your complaint is being reviewed'),
      citizenStep: 'received',
      remindAfter: 'reminder',
    },
    {
      key: 'formalRegistered',
      label: l('Formele klacht geregistreerd', 'Formal complaint registered'),
      citizenLabel: l('Uw klacht wordt behandeld', 'Your complaint is being handled'),
      citizenStep: 'inProgress',
      remindAfter: 'reminder',
    },
    {
      key: 'withDepartment',
      label: l('Bij vakafdeling', 'With department'),
      citizenLabel: l('Uw klacht wordt onderzocht', 'Your complaint is being investigated'),
      citizenStep: 'inProgress',
      remindAfter: 'reminder',
    },
    {
      key: 'responseReview',
      label: l('Controle reactie', 'Reviewing response'),
      citizenLabel: l('We schrijven ons antwoord', 'We are writing our answer'),
      citizenStep: 'answer',
      remindAfter: 'reminder',
    },
    {
      key: 'resolved',
      label: l('Informeel opgelost', 'Resolved informally'),
      citizenLabel: l('Afgerond: opgelost', 'Done: resolved'),
      citizenStep: 'done',
      terminal: true,
    },
    { key: 'closed', label: l('Afgehandeld', 'Closed'), citizenLabel: l('Afgerond', 'Done'), citizenStep: 'done', terminal: true },
    {
      key: 'closedNoInformation',
      label: l('Gesloten: geen informatie ontvangen', 'Closed: no information received'),
      citizenLabel: l('Gestopt: we kregen geen informatie', 'Stopped: no information received'),
      citizenStep: 'done',
      terminal: true,
    },
    {
      key: 'notHandled',
      label: l('Niet in behandeling genomen', 'Not handled'),
      citizenLabel: l('Afgerond: niet in behandeling genomen', 'Done: not handled'),
      citizenStep: 'done',
      terminal: true,
    },
    { key: 'cancelled', label: l('Geannuleerd', 'Cancelled'), citizenLabel: l('Gestopt', 'Stopped'), citizenStep: 'done', terminal: true },
  ],
  transitions: [
    // Informal, step 1: the receiver solves it, preferably by phone, and records how.
    {
      key: 'resolveInformally',
      label: l('Informeel opgelost', 'Resolved informally'),
      from: ['received', 'withComplaintsTeam', 'informalRegistered'],
      to: 'resolved',
      roles: [...receivers],
      inputs: [
        {
          key: 'solution',
          label: l('Wat is de oplossing of het antwoord?', 'What is the solution or answer?'),
          type: 'textarea',
          required: true,
        },
        {
          key: 'contactMethod',
          label: l('Hoe is het met de klager besproken?', 'How was it discussed?'),
          type: 'select',
          required: true,
          options: [
            { value: 'phone', label: l('Telefonisch', 'By phone') },
            { value: 'inPerson', label: l('In een gesprek', 'In person') },
            { value: 'letter', label: l('Per brief', 'By letter') },
          ],
        },
        {
          key: 'complainantSatisfied',
          label: l('Is de klager tevreden?', 'Is the complainant satisfied?'),
          type: 'boolean',
          required: true,
        },
        {
          key: 'ground',
          label: l('Grondslag', 'Ground'),
          type: 'select',
          required: true,
          options: classificationInputs.find((i) => i.key === 'ground')!.options,
        },
      ],
      effects: [{ type: 'completeTasks' }, { type: 'sendMessage', template: 'informalConfirmation' }],
    },
    // Step 2: warm hand-over to the complaints team when the receiver cannot solve it.
    {
      key: 'handOverToTeam',
      label: l('Warme overdracht aan klachtenteam', 'Warm hand-over to complaints team'),
      from: ['received'],
      to: 'withComplaintsTeam',
      roles: [...receivers],
      inputs: [{ ...requiredNote, label: l('Toelichting bij de overdracht (na overleg)', 'Hand-over explanation (after talking)') }],
      effects: [
        { type: 'assignTeam', team: 'complaintsTeam' },
        { type: 'createTask', taskKey: 'callComplainant', subject: l('Klager bellen', 'Call the complainant'), team: 'complaintsTeam' },
      ],
    },
    // Steps 3–5: the team calls, registers formal/informal, ground and description, and acknowledges.
    {
      key: 'registerInformal',
      label: l('Registreren en ontvangst bevestigen', 'Register and acknowledge'),
      from: ['withComplaintsTeam'],
      to: 'informalRegistered',
      roles: ['firstLineAgent', 'coordinator', 'teamLead'],
      inputs: [...classificationInputs, note],
      effects: [{ type: 'completeTasks' }, { type: 'assignActor' }, { type: 'sendMessage', template: 'acknowledgment' }],
    },
    {
      key: 'requestInformation',
      label: l('Aanvullende informatie opvragen', 'Request information'),
      from: ['informalRegistered', 'formalRegistered'],
      to: 'awaitingInformation',
      roles: ['firstLineAgent', 'coordinator'],
      inputs: [
        {
          key: 'informationRequested',
          label: l('Welke informatie ontbreekt?', 'What information is missing?'),
          type: 'textarea',
          required: true,
          target: 'event',
        },
      ],
      effects: [
        { type: 'startTimer', timer: 'informationWait', period: 'informationWait', fire: { transition: 'closeNoInformation' } },
        { type: 'sendMessage', template: 'informationRequest' },
      ],
    },
    {
      key: 'informationReceived',
      label: l('Informatie ontvangen', 'Information received'),
      from: ['awaitingInformation'],
      to: 'formalRegistered',
      roles: ['firstLineAgent', 'coordinator', 'system'],
      inputs: [note],
    },
    {
      key: 'closeNoInformation',
      label: l('Sluiten: geen informatie ontvangen', 'Close: no information received'),
      from: ['awaitingInformation'],
      to: 'closedNoInformation',
      roles: ['system'],
      effects: [{ type: 'completeTasks' }, { type: 'sendMessage', template: 'autoClose' }],
    },
    // Formal, step 8: the receiver passes a formal complaint to the coordinator.
    {
      key: 'toCoordinator',
      label: l('Formele klacht naar coördinator', 'Formal complaint to coordinator'),
      from: ['received', 'withComplaintsTeam', 'informalRegistered'],
      to: 'formalWithCoordinator',
      roles: [...receivers],
      inputs: [note],
      effects: [
        { type: 'assignTeam', team: 'coordinators' },
        {
          type: 'createTask',
          taskKey: 'acknowledgeFormal',
          subject: l('Formele klacht bevestigen en registreren', 'Acknowledge and register formal complaint'),
          team: 'coordinators',
        },
      ],
    },
    // Steps 9–10: the coordinator checks it is formal, acknowledges and registers.
    {
      key: 'registerFormal',
      label: l('Ontvangst bevestigen en registreren', 'Acknowledge and register'),
      from: ['formalWithCoordinator'],
      to: 'formalRegistered',
      roles: ['coordinator'],
      inputs: [...classificationInputs, note],
      effects: [{ type: 'completeTasks' }, { type: 'assignActor' }, { type: 'sendMessage', template: 'acknowledgment' }],
    },
    // Step 11: the department is asked for the substantive response.
    {
      key: 'assignToDepartment',
      label: l('Klacht uitzetten bij vakafdeling', 'Ask the department'),
      from: ['formalRegistered'],
      to: 'withDepartment',
      roles: ['coordinator'],
      inputs: [
        {
          key: 'departmentQuestion',
          label: l('Opdracht aan de afdeling', 'Assignment for the department'),
          type: 'textarea',
          required: true,
          target: 'event',
        },
      ],
      effects: [
        {
          type: 'createTask',
          taskKey: 'departmentResponse',
          subject: l('Klacht beoordelen en reactie opstellen', 'Judge and draft a response'),
          team: 'department',
        },
      ],
    },
    // Steps 12–13: the department judges and drafts a response ready to send.
    {
      key: 'submitResponse',
      label: l('Oordeel en reactie aanbieden', 'Submit judgment and response'),
      from: ['withDepartment'],
      to: 'responseReview',
      roles: ['department'],
      requiresLetter: { atLeast: 'inReview', kinds: ['decision'] },
      inputs: [...judgmentInputs, note],
      effects: [
        { type: 'completeTasks' },
        {
          type: 'createTask',
          taskKey: 'reviewResponse',
          subject: l('Reactie controleren (ook B1)', 'Review response (incl. plain language)'),
          team: 'coordinators',
        },
      ],
    },
    {
      key: 'returnToDepartment',
      label: l('Terug naar vakafdeling', 'Back to department'),
      from: ['responseReview'],
      to: 'withDepartment',
      roles: ['coordinator'],
      inputs: [requiredNote],
      effects: [
        { type: 'completeTasks' },
        { type: 'createTask', taskKey: 'departmentResponse', subject: l('Reactie aanpassen', 'Revise response'), team: 'department' },
      ],
    },
    // Step 14: the coordinator checks and sends.
    {
      key: 'sendResponse',
      label: l('Reactie versturen', 'Send response'),
      from: ['responseReview'],
      to: 'closed',
      roles: ['coordinator'],
      requiresLetter: { atLeast: 'sent', kinds: ['decision', 'standard'] },
      inputs: [note],
      effects: [{ type: 'completeTasks' }, { type: 'sendSurvey' }],
    },
    {
      key: 'decline',
      label: l('Niet in behandeling nemen (Awb 9:8)', 'Do not handle (Awb 9:8)'),
      from: ['formalWithCoordinator', 'formalRegistered'],
      to: 'notHandled',
      roles: ['coordinator'],
      inputs: [notHandlingReason, requiredNote],
      effects: [{ type: 'completeTasks' }, { type: 'noticeOfNotHandling', team: 'coordinators' }],
    },
    {
      key: 'cancel',
      label: l('Annuleren', 'Cancel'),
      from: '*',
      to: 'cancelled',
      roles: ['firstLineAgent', 'coordinator'],
      inputs: [cancelReason, requiredNote],
      effects: [{ type: 'completeTasks' }, { type: 'sendMessage', template: 'cancellation' }],
    },
  ],
};
