import type { nlZgw } from './nlZgw.ts';

/** English for nlZgw.ts. */
export const enZgw: Record<keyof typeof nlZgw, string> = {
  'zgw.case.label': 'Case management system',
  'zgw.case.zaak': 'Zaak {identificatie}',
  'zgw.case.notYet': 'Not registered yet',
  'zgw.state.pending': 'being updated',
  'zgw.state.synced': 'up to date',
  'zgw.state.failed': 'update failed; the administrator has been told',
  'adminNav.zgw': 'Case management system',
  'zgw.admin.title': 'Case management system: failed synchronisation',
  'zgw.admin.intro':
    'Klachtflow registers cases as zaken in the case management system and sends statuses, documents, the result and destruction along. These are the cases where that failed after every attempt. Fix the cause (for example the credentials or the zaaktype settings) and try again.',
  'zgw.admin.off': 'The link with the case management system is off.',
  'zgw.admin.empty': 'Nothing has failed.',
  'zgw.admin.caption': 'Cases whose zaak could not be updated',
  'zgw.admin.col.reference': 'Case',
  'zgw.admin.col.zaak': 'Zaak',
  'zgw.admin.col.attempts': 'Attempts',
  'zgw.admin.col.error': 'Last error',
  'zgw.admin.col.since': 'Failed on',
  'zgw.admin.col.actions': 'Actions',
  'zgw.admin.retry': 'Try again',
  'zgw.admin.retryFor': 'case {reference}',
  'zgw.admin.retried': 'Case {reference} is sent to the case management system again.',
};
