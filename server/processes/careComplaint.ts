import type { ProcessDefinitionInput } from '../domain/process/definition.ts';
import { cancelReason, classificationInputs, judgmentInputs, l, note, requiredNote } from './shared.ts';

/**
 * Preset for seed 002: a care organisation's quality procedure under the Wkkgz. Every expression
 * of dissatisfaction is registered; the team lead first tries to solve it with the client and asks
 * whether they are satisfied (if not: the formal route); the quality officer registers a formal
 * complaint and sees to its handling by management, which decides and records the measure taken
 * towards the complainant. Improvement measures follow from the judgment.
 */
export const careComplaint: ProcessDefinitionInput = {
  key: 'care-complaint',
  version: 1,
  label: l('Klachtenprocedure zorg', 'Care complaint procedure'),
  caseType: {
    key: 'complaint',
    label: l('Uiting van ontevredenheid', 'Expression of dissatisfaction'),
    fields: [
      { key: 'location', label: l('Locatie of team', 'Location or team'), type: 'text' },
      { key: 'incidentDate', label: l('Datum van de gebeurtenis', 'Date of the event'), type: 'date' },
    ],
  },
  periods: { reminder: { workingDays: 3 }, surveyQuietPeriod: { days: 365 } },
  initialStatus: 'reported',
  citizenSteps: [
    { key: 'received', label: l('Gemeld', 'Reported') },
    { key: 'talk', label: l('Gesprek', 'Conversation') },
    { key: 'formal', label: l('Formele klacht', 'Formal complaint') },
    { key: 'done', label: l('Afgerond', 'Done') },
  ],
  statuses: [
    {
      key: 'reported',
      label: l('Gemeld bij teamleider', 'Reported to team lead'),
      citizenLabel: l('We hebben uw klacht ontvangen', 'We received your complaint'),
      citizenStep: 'received',
      remindAfter: 'reminder',
    },
    {
      key: 'inConversation',
      label: l('In gesprek met cliënt', 'In conversation with client'),
      citizenLabel: l('We zoeken samen met u een oplossing', 'We are looking for a solution with you'),
      citizenStep: 'talk',
      remindAfter: 'reminder',
    },
    {
      key: 'formalRegistered',
      label: l('Formele klacht geregistreerd', 'Formal complaint registered'),
      citizenLabel: l('Uw formele klacht wordt behandeld', 'Your formal complaint is being handled'),
      citizenStep: 'formal',
      remindAfter: 'reminder',
    },
    {
      key: 'withManagement',
      label: l('Bij management', 'With management'),
      citizenLabel: l('Uw formele klacht wordt behandeld', 'Your formal complaint is being handled'),
      citizenStep: 'formal',
      remindAfter: 'reminder',
    },
    {
      key: 'decided',
      label: l('Besluit genomen', 'Decided'),
      citizenLabel: l('Er is een besluit over uw klacht', 'A decision was made'),
      citizenStep: 'formal',
      remindAfter: 'reminder',
    },
    {
      key: 'resolvedInformally',
      label: l('Informeel opgelost', 'Resolved informally'),
      citizenLabel: l('Afgerond: samen opgelost', 'Done: resolved together'),
      citizenStep: 'done',
      terminal: true,
    },
    { key: 'closed', label: l('Afgehandeld', 'Closed'), citizenLabel: l('Afgerond', 'Done'), citizenStep: 'done', terminal: true },
    { key: 'cancelled', label: l('Geannuleerd', 'Cancelled'), citizenLabel: l('Gestopt', 'Stopped'), citizenStep: 'done', terminal: true },
  ],
  transitions: [
    {
      key: 'discussWithClient',
      label: l('Bespreken met cliënt', 'Discuss with client'),
      from: ['reported'],
      to: 'inConversation',
      roles: ['teamLead', 'qualityOfficer'],
      inputs: [note],
      effects: [{ type: 'assignActor' }],
    },
    {
      key: 'resolveInformally',
      label: l('Opgelost, cliënt tevreden', 'Resolved, client satisfied'),
      from: ['reported', 'inConversation'],
      to: 'resolvedInformally',
      roles: ['teamLead', 'qualityOfficer'],
      inputs: [
        { key: 'solution', label: l('Wat is er afgesproken?', 'What was agreed?'), type: 'textarea', required: true },
        { key: 'complainantSatisfied', label: l('Is de cliënt tevreden?', 'Is the client satisfied?'), type: 'boolean', required: true },
        {
          key: 'toldAboutFormalRoute',
          label: l('Gewezen op de formele klachtroute', 'Told about the formal route'),
          type: 'boolean',
          required: true,
        },
      ],
      effects: [{ type: 'completeTasks' }, { type: 'sendMessage', template: 'informalConfirmation' }],
    },
    {
      key: 'fileFormalComplaint',
      label: l('Formele klacht doorgeven aan kwaliteitsmedewerker', 'Pass on as formal complaint'),
      from: ['reported', 'inConversation'],
      to: 'formalRegistered',
      roles: ['teamLead', 'qualityOfficer'],
      inputs: [requiredNote],
      effects: [
        { type: 'assignTeam', team: 'quality' },
        { type: 'createTask', taskKey: 'registerFormal', subject: l('Klachtdossier aanleggen', 'Open complaint dossier'), team: 'quality' },
      ],
    },
    {
      key: 'toManagement',
      label: l('Voorleggen aan management', 'Refer to management'),
      from: ['formalRegistered'],
      to: 'withManagement',
      roles: ['qualityOfficer'],
      inputs: [...classificationInputs.filter((i) => i.key !== 'statutory'), note],
      effects: [
        { type: 'completeTasks' },
        { type: 'createTask', taskKey: 'decide', subject: l('Beslissen over de klacht', 'Decide on the complaint'), team: 'management' },
      ],
    },
    {
      key: 'decide',
      label: l('Besluit en maatregel vastleggen', 'Record decision and measure'),
      from: ['withManagement'],
      to: 'decided',
      roles: ['serviceManager', 'processOwner', 'teamLead'],
      inputs: [
        ...judgmentInputs,
        {
          key: 'measureForComplainant',
          label: l('Maatregel richting de klager', 'Measure towards the complainant'),
          type: 'textarea',
          required: true,
        },
        {
          key: 'preventionNeeded',
          label: l('Maatregel nodig om herhaling te voorkomen?', 'Measure needed to prevent recurrence?'),
          type: 'boolean',
          required: true,
        },
      ],
      effects: [{ type: 'completeTasks' }, { type: 'assignTeam', team: 'quality' }],
    },
    {
      key: 'close',
      label: l('Besluit versturen en afsluiten', 'Send decision and close'),
      from: ['decided'],
      to: 'closed',
      roles: ['qualityOfficer'],
      requiresLetter: { atLeast: 'sent', kinds: ['decision'] },
      inputs: [note],
      effects: [{ type: 'completeTasks' }, { type: 'sendSurvey' }],
    },
    {
      key: 'cancel',
      label: l('Annuleren', 'Cancel'),
      from: '*',
      to: 'cancelled',
      roles: ['teamLead', 'qualityOfficer'],
      inputs: [cancelReason, requiredNote],
      effects: [{ type: 'completeTasks' }, { type: 'sendMessage', template: 'cancellation' }],
    },
  ],
};
