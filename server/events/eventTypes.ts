/**
 * The events other systems can subscribe to: CloudEvents `type` values in reverse-DNS notation, as
 * the NL GOV profile for CloudEvents asks (github.com/VNG-Realisatie/NL-GOV-profile-for-CloudEvents,
 * "Context Attributes": type). A changed meaning gets a new name; these stay as they are.
 */
export const CASE_EVENT_TYPES = [
  'nl.klachtflow.case.created',
  'nl.klachtflow.case.status-changed',
  'nl.klachtflow.case.assigned',
  'nl.klachtflow.case.letter-sent',
  'nl.klachtflow.case.closed',
] as const;
export type CaseEventType = (typeof CASE_EVENT_TYPES)[number];

/** Sent on the administrator's request only ("Testbericht sturen"), to whichever types a subscription has. */
export const TEST_EVENT_TYPE = 'nl.klachtflow.subscription.test';

/** Timeline events (commands/timeline.ts) that are also events for other systems. */
export const TIMELINE_EVENT_TYPES: Readonly<Record<string, CaseEventType>> = {
  caseRegistered: 'nl.klachtflow.case.created',
  statusChanged: 'nl.klachtflow.case.status-changed',
  caseAssigned: 'nl.klachtflow.case.assigned',
  letterSent: 'nl.klachtflow.case.letter-sent',
};
