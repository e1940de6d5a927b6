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
  const steps = def.citizenSteps.map((s, i) => ({
    key: s.key,
    label: s.label,
    state: i < currentIndex || (i === currentIndex && current.terminal) ? 'done' : i === currentIndex ? 'current' : 'upcoming',
    reachedAt: i <= currentIndex ? (reachedAt.get(s.key)?.toISOString() ?? null) : null,
  }));
  // The definition says which status waits for the complainant's answer and which books a hearing.
  const lastRequest = [...v.statusEvents].reverse().find((e) => (e.after as { status?: string })?.status === v.case.status);
  const waitingForInfo = statusHasRole(def, v.case.status, 'waitsForInformation') && lastRequest;
  const bookable = statusHasRole(def, v.case.status, 'hearingBooking');
  return {
    reference: v.case.reference,
    subject: v.case.subject,
    receivedAt: v.case.received_at.toISOString(),
    status: { label: current.citizenLabel, step: current.citizenStep, closed: current.terminal },
    steps,
    expectedBy: current.terminal ? null : v.case.handling_deadline,
    handler: { name: v.case.handler_name, phone: org.contact.phone ?? null, email: org.contact.email ?? null },
    informationRequest: waitingForInfo
      ? {
          question: String((v.case.facts as Facts).informationRequest ?? ''),
          requestedAt: lastRequest.occurred_at.toISOString(),
        }
      : null,
    hearing: v.slots.length
      ? {
          bookable,
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
