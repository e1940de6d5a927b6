import type { ProcessDefinition } from '../../domain/process/definition.ts';
import { type Facts, statusHasRole } from '../../domain/process/roles.ts';
import type { portalCaseView } from '../../queries/portalCase.ts';
import type { Organisation } from '../../config/organisation.ts';

/**
 * The complainant's track-and-trace: a step plan from the process definition's citizen steps, with
 * the date each step was reached, in plain Dutch. The portal never sees internal notes or staff
 * remarks; only the question of an information request, which is meant for the complainant.
 */
type View = Awaited<ReturnType<typeof portalCaseView>>;

/**
 * A step the case passed is "done" only when it happened: never reached (the hearing waived, a
 * complaint declined at once) it is "skipped"; a hearing step left without a planned hearing (the
 * wait ran out, the case was stopped) is "notHeld". Never "done" for what did not take place.
 */
export type StepState = 'done' | 'current' | 'upcoming' | 'skipped' | 'notHeld';

export function presentTracking(def: ProcessDefinition, org: Organisation, v: View, now: Date) {
  const statusOf = (key: string) => def.statuses.find((s) => s.key === key);
  const current = statusOf(v.case.status)!;
  const reachedAt = new Map<string, Date>();
  reachedAt.set(def.citizenSteps[0]!.key, v.case.received_at);
  for (const e of v.statusEvents) {
    const step = statusOf(String((e.after as { status?: string })?.status))?.citizenStep;
    if (step && !reachedAt.has(step)) reachedAt.set(step, e.occurred_at);
  }
  const currentIndex = def.citizenSteps.findIndex((s) => s.key === current.citizenStep);
  const facts = v.case.facts as Facts;
  const hearingPlanned = facts.hearingAt !== undefined && facts.hearingAt !== null && facts.hearingAt !== '';
  // The citizen steps in which the complainant books a hearing (the definition's role, not a key).
  const hearingSteps = new Set(def.statuses.filter((s) => s.roles.includes('hearingBooking')).map((s) => s.citizenStep));
  const passedState = (key: string): StepState =>
    !reachedAt.has(key) ? 'skipped' : hearingSteps.has(key) && !hearingPlanned ? 'notHeld' : 'done';
  const steps = def.citizenSteps.map((s, i) => ({
    key: s.key,
    label: s.label,
    state: (i < currentIndex ? passedState(s.key) : i === currentIndex ? (current.terminal ? 'done' : 'current') : 'upcoming') as StepState,
    reachedAt: i <= currentIndex ? (reachedAt.get(s.key)?.toISOString() ?? null) : null,
  }));
  // The definition says which status waits for the complainant's answer and which books a hearing.
  const lastRequest = [...v.statusEvents].reverse().find((e) => (e.after as { status?: string })?.status === v.case.status);
  const waitingForInfo = statusHasRole(def, v.case.status, 'waitsForInformation') && lastRequest;
  // Once the wait for a booking has run out, no time can be chosen, even before the timer has been swept.
  const waitOver = v.waits.some((w) => w.fires_at <= now);
  const bookable = statusHasRole(def, v.case.status, 'hearingBooking') && !waitOver;
  const booked = v.slots.some((s) => s.booked_at);
  // Times were offered but the chance to choose one is gone, and no hearing was planned otherwise.
  const bookingEnded = !bookable && !booked && !hearingPlanned && v.slots.length > 0;
  return {
    reference: v.case.reference,
    subject: v.case.subject,
    receivedAt: v.case.received_at.toISOString(),
    // A representative (seed 003: a family carer) follows the complaint of the person they act for.
    onBehalfOf: v.case.representative_name ? v.case.complainant_name : null,
    status: { label: current.citizenLabel, step: current.citizenStep, closed: current.terminal },
    steps,
    expectedBy: current.terminal ? null : v.case.handling_deadline,
    // Seed 003: who calls, in what job, and a number that reaches them (else the organisation's).
    handler: {
      name: v.case.handler_name,
      jobTitle: v.case.handler_name ? v.case.handler_job_title : null,
      phone: (v.case.handler_name ? v.case.handler_phone : null) ?? org.contact.phone ?? null,
      email: org.contact.email ?? null,
    },
    informationRequest: waitingForInfo
      ? {
          question: String((v.case.facts as Facts).informationRequest ?? ''),
          requestedAt: lastRequest.occurred_at.toISOString(),
        }
      : null,
    hearing: v.slots.length
      ? {
          bookable,
          /** Choosing a time is no longer possible and no hearing will take place; the case goes on without one. */
          bookingEnded,
          slots: v.slots
            .filter((s) => s.booked_at || (bookable && s.starts_at > now))
            .map((s) => ({
              id: s.id,
              startsAt: s.starts_at.toISOString(),
              endsAt: s.ends_at.toISOString(),
              location: s.location,
              booked: s.booked_at !== null,
            })),
        }
      : null,
    messages: v.contacts.map((m) => ({ direction: 'in' as const, channel: m.channel, subject: m.subject, at: m.created_at.toISOString() })),
    survey: v.survey ? { answered: v.survey.answered_at !== null } : null,
  };
}
