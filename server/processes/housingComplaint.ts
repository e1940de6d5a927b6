import type { ProcessDefinitionInput } from '../domain/process/definition.ts';
import { closingReason, l, note, referralBody, requiredNote } from './shared.ts';

/**
 * Preset for seed 004: a housing corporation's work instruction. The team assesses the complaint
 * (a team task someone claims) and either does not handle it (note + close) or opens a complaint
 * dossier; action lines from the "Klacht" step template become tasks with proposed dates; the
 * handler checks the solution with the complainant, refers to an external body when everything
 * reasonable was done, and closes only when all action lines and tasks are done, with a reason.
 */
const handlers = ['firstLineAgent', 'coordinator', 'teamLead'] as const;

export const housingComplaint: ProcessDefinitionInput = {
  key: 'housing-complaint',
  version: 1,
  label: l('Afhandelen klacht (huurder)', 'Tenant complaint'),
  caseType: {
    key: 'dossier',
    label: l('Klachtdossier', 'Complaint dossier'),
    fields: [
      { key: 'address', label: l('Adres van de woning', 'Address of the home'), type: 'text' },
      { key: 'contractNumber', label: l('Huurcontract', 'Tenancy'), type: 'text' },
    ],
  },
  stepTemplates: {
    complaint: [
      { subject: l('Contact opnemen met huurder', 'Contact the tenant'), afterDays: 2 },
      { subject: l('Situatie beoordelen en oplossing kiezen', 'Assess and choose a solution'), afterDays: 7, team: 'maintenance' },
      { subject: l('Oplossing uitvoeren', 'Carry out the solution'), afterDays: 21, team: 'maintenance' },
      { subject: l('Oplossing controleren met huurder', 'Check the solution with the tenant'), afterDays: 28 },
    ],
  },
  periods: { reminder: { workingDays: 5 }, surveyQuietPeriod: { days: 180 } },
  initialStatus: 'assessing',
  citizenSteps: [
    { key: 'received', label: l('Ontvangen', 'Received') },
    { key: 'inProgress', label: l('Mee bezig', 'Working on it') },
    { key: 'check', label: l('Controle', 'Check') },
    { key: 'done', label: l('Afgerond', 'Done') },
  ],
  statuses: [
    {
      key: 'assessing',
      label: l('Beoordelen klacht', 'Assessing'),
      citizenLabel: l('We bekijken uw klacht', 'We are looking at your complaint'),
      citizenStep: 'received',
      remindAfter: 'reminder',
    },
    {
      key: 'inHandling',
      label: l('Dossier in behandeling', 'Dossier open'),
      citizenLabel: l('We zijn met uw klacht bezig', 'We are working on your complaint'),
      citizenStep: 'inProgress',
      remindAfter: 'reminder',
    },
    {
      key: 'checkingSolution',
      label: l('Oplossing controleren', 'Checking solution'),
      citizenLabel: l('We vragen of het is opgelost', 'We are checking with you'),
      citizenStep: 'check',
      remindAfter: 'reminder',
    },
    {
      key: 'notHandled',
      label: l('Niet in behandeling', 'Not handled'),
      citizenLabel: l('Afgerond: niet in behandeling genomen', 'Done: not handled'),
      citizenStep: 'done',
      terminal: true,
    },
    {
      key: 'referred',
      label: l('Verwezen', 'Referred'),
      citizenLabel: l('Afgerond: verwezen', 'Done: referred'),
      citizenStep: 'done',
      terminal: true,
    },
    { key: 'closed', label: l('Voltooid', 'Completed'), citizenLabel: l('Afgerond', 'Done'), citizenStep: 'done', terminal: true },
    { key: 'cancelled', label: l('Geannuleerd', 'Cancelled'), citizenLabel: l('Gestopt', 'Stopped'), citizenStep: 'done', terminal: true },
  ],
  transitions: [
    {
      key: 'doNotHandle',
      label: l('Niet in behandeling nemen', 'Do not handle'),
      from: ['assessing'],
      to: 'notHandled',
      roles: [...handlers],
      inputs: [{ ...requiredNote, label: l('Waarom niet in behandeling?', 'Why not handled?') }],
      effects: [{ type: 'completeTasks' }, { type: 'noticeOfNotHandling' }],
    },
    {
      key: 'openDossier',
      label: l('Klachtdossier openen', 'Open complaint dossier'),
      from: ['assessing'],
      to: 'inHandling',
      roles: [...handlers],
      inputs: [note],
      effects: [{ type: 'assignActor' }, { type: 'addActionLines', template: 'complaint' }],
    },
    {
      key: 'addActionLines',
      label: l('Processtappen "Klacht" opnieuw toevoegen', 'Add the "Klacht" step template again'),
      from: ['inHandling', 'checkingSolution'],
      to: 'inHandling',
      roles: [...handlers],
      inputs: [requiredNote],
      effects: [{ type: 'addActionLines', template: 'complaint' }],
    },
    {
      key: 'checkSolution',
      label: l('Oplossing controleren met huurder', 'Check the solution with the tenant'),
      from: ['inHandling'],
      to: 'checkingSolution',
      roles: [...handlers],
      inputs: [note],
    },
    {
      key: 'refer',
      label: l('Verwijzen naar externe instantie', 'Refer to an external body'),
      from: ['checkingSolution'],
      to: 'referred',
      roles: [...handlers],
      requiresLetter: { atLeast: 'sent', kinds: ['referral'] },
      requiresTasksDone: true,
      inputs: [
        referralBody,
        {
          key: 'everythingReasonableDone',
          label: l('Alles redelijke is gedaan', 'Everything reasonable was done'),
          type: 'boolean',
          required: true,
        },
        requiredNote,
      ],
    },
    {
      key: 'complete',
      label: l('Dossier voltooien', 'Complete dossier'),
      from: ['checkingSolution'],
      to: 'closed',
      roles: [...handlers],
      requiresTasksDone: true,
      inputs: [closingReason, note],
      effects: [{ type: 'sendSurvey' }],
    },
    {
      key: 'cancel',
      label: l('Annuleren', 'Cancel'),
      from: '*',
      to: 'cancelled',
      roles: [...handlers],
      inputs: [{ ...closingReason, key: 'cancelReason' }, requiredNote],
      effects: [{ type: 'completeTasks' }, { type: 'sendMessage', template: 'cancellation' }],
    },
  ],
};
