import type { ProcessDefinition } from '../../domain/process/definition.ts';
import { presentMandate } from './mandatePresenter.ts';
import { optionLabel } from '../../domain/process/roles.ts';
import { FACTS, type FactKey } from '../../domain/process/vocabulary.ts';
import type { VersionedProcessRegistry as ProcessRegistry } from '../../processes/versionedRegistry.ts';
import type { CaseAbilities } from '../../policies/casePolicy.ts';
import type { PersonRow } from '../../db/schema.ts';
import type { caseDetail } from '../../queries/cases.ts';
import type { CaseSummaryRow } from '../../queries/cases.ts';
import { deadlineState } from '../../commands/caseClock.ts';
import type { Clock } from '../../domain/calendar/clocks.ts';
import { formalCompleteness, notHandlingHints } from '../../domain/completeness.ts';
import { type Regime, regimesOf } from '../../domain/regimes.ts';
import { canonicalPhone } from '../../domain/phone.ts';

/** Rows → API objects: camelCase, UTC timestamps, owners as {id, name}. */
const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);
const ref = (id: string | null, name: string | null) => (id && name ? { id, name } : null);

/** Today in Amsterdam, the day deadlines are compared with. */
export type Today = string;

export function presentActivity(
  today: Today,
  r: {
    id: string;
    kind: 'intake' | 'task';
    channel: string;
    status: string;
    subject: string;
    contact: unknown;
    case_id: string | null;
    case_reference: string | null;
    case_type: string | null;
    task_key: string | null;
    user_id: string | null;
    user_name: string | null;
    team_id: string | null;
    team_name: string | null;
    due_at: Date | null;
    created_at: Date;
    updated_at: Date;
    version: number;
    handling_deadline: string | null;
    handling_warn_from: string | null;
    norm_deadline?: string | null;
    norm_warn_from?: string | null;
    case_closed_at: Date | null;
    bulk_mail?: boolean;
  },
) {
  return {
    caseDeadline: r.handling_deadline,
    deadlineState: deadlineState(today, r.handling_deadline, r.handling_warn_from, r.case_closed_at !== null),
    normDeadline: r.norm_deadline ?? null,
    normState: deadlineState(today, r.norm_deadline ?? null, r.norm_warn_from ?? null, r.case_closed_at !== null),
    id: r.id,
    kind: r.kind,
    channel: r.channel,
    status: r.status,
    subject: r.subject,
    contact: (r.contact ?? {}) as { name?: string; email?: string; phone?: string },
    caseId: r.case_id,
    caseReference: r.case_reference,
    caseType: r.case_type,
    taskKey: r.task_key,
    assignee: ref(r.user_id, r.user_name),
    team: ref(r.team_id, r.team_name),
    dueAt: isoOrNull(r.due_at),
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    version: r.version,
    bulkMail: r.bulk_mail ?? false,
  };
}

/** A status's name in the version of the process the case follows (else the published one, else its key). */
export function statusLabelOf(processes: ProcessRegistry, processKey: string, status: string, version?: number) {
  const def = (version !== undefined ? processes.at(processKey, version) : undefined) ?? processes.get(processKey);
  return def?.statuses.find((s) => s.key === status)?.label ?? { nl: status, en: status };
}

export function presentCaseSummary(processes: ProcessRegistry, today: Today, r: CaseSummaryRow) {
  return {
    deadline: r.handling_deadline,
    deadlineState: deadlineState(today, r.handling_deadline, r.handling_warn_from, r.closed_at !== null),
    normDeadline: r.norm_deadline ?? null,
    normState: deadlineState(today, r.norm_deadline ?? null, r.norm_warn_from ?? null, r.closed_at !== null),
    id: r.id,
    reference: r.reference,
    processKey: r.process_key,
    processVersion: r.process_version,
    caseType: r.case_type,
    status: r.status,
    statusLabel: statusLabelOf(processes, r.process_key, r.status, r.process_version),
    subject: r.subject,
    channel: r.channel,
    complainantName: r.complainant_name,
    assignee: ref(r.user_id, r.user_name),
    team: ref(r.team_id, r.team_name),
    receivedAt: iso(r.received_at),
    updatedAt: iso(r.updated_at),
    closedAt: isoOrNull(r.closed_at),
    version: r.version,
  };
}

export function presentPerson(p: PersonRow) {
  return {
    id: p.id,
    kind: p.kind,
    name: p.name,
    organisationName: p.organisation_name,
    email: p.email,
    // E.164; a row from before E.164 holds national digits and is served as E.164 too.
    phone: p.phone && canonicalPhone(p.phone),
    street: p.street,
    postcode: p.postcode,
    city: p.city,
  };
}

/**
 * The case's standard facts (domain/process/vocabulary.ts) in words: the fact's name and, for a
 * chosen option, the label the process gives it, so screens and integrations read the same meaning
 * in every organisation.
 */
export function presentFacts(def: ProcessDefinition | undefined, facts: Record<string, unknown>) {
  return (Object.keys(FACTS) as FactKey[])
    .filter((k) => facts[k] !== undefined && facts[k] !== null && facts[k] !== '')
    .map((k) => {
      const value = facts[k];
      const option = (v: unknown) => (def && typeof v === 'string' ? optionLabel(def, k, v) : undefined);
      const valueLabel = Array.isArray(value) ? value.map((v) => option(v)?.nl ?? String(v)).join(', ') : option(value)?.nl;
      return { key: k, label: { nl: FACTS[k].nl, en: FACTS[k].en }, value, valueLabel: valueLabel ?? null };
    });
}

export function presentCaseDetail(
  processes: ProcessRegistry,
  today: Today,
  d: Awaited<ReturnType<typeof caseDetail>>,
  abilities: CaseAbilities,
  clocks: Clock[],
) {
  const c = d.case;
  return {
    ...presentCaseSummary(processes, today, {
      ...c,
      complainant_name: d.complainant.name,
      user_id: c.assignee_user_id,
      user_name: c.user_name,
      team_id: c.assignee_team_id,
      team_name: c.team_name,
    }),
    description: c.description,
    data: c.data,
    hiddenFields: c.hidden_fields,
    handedOn: !c.may_work,
    facts: presentFacts(processes.at(c.process_key, c.process_version) ?? processes.get(c.process_key), c.facts),
    complainant: presentPerson(d.complainant),
    representative: d.representative ? presentPerson(d.representative) : null,
    representativeRelation: c.representative_relation,
    mandate: d.mandate ? presentMandate(d.mandate) : null,
    mandateCheckPending: c.mandate_check_pending,
    createdAt: iso(c.created_at),
    statusChangedAt: iso(c.status_changed_at),
    notes: d.notes.map((n) => ({
      id: n.id,
      body: n.body,
      author: ref(n.author_id, n.author_name),
      createdAt: iso(n.created_at),
      othersData: n.others_data,
    })),
    documents: d.documents.map((x) => ({
      id: x.id,
      docType: x.doc_type,
      filename: x.filename,
      mediaType: x.media_type,
      sizeBytes: Number(x.size_bytes),
      sha256: x.sha256,
      createdAt: iso(x.created_at),
    })),
    activities: d.activities.map((a) => ({
      id: a.id,
      kind: a.kind,
      channel: a.channel,
      status: a.status,
      subject: a.subject,
      taskKey: a.task_key,
      assigneeName: a.user_name,
      teamName: a.team_name,
      createdAt: iso(a.created_at),
    })),
    abilities,
    /** The case's legal regime, and the ones its process allows (the process's own first). */
    regime: c.regime as Regime,
    regimes: regimesOf(processes.forCase(c)),
    clocks: clocks.map((k) => ({
      key: k.key,
      label: k.label,
      state: k.state,
      outcome: k.outcome ?? null,
      start: k.start,
      rule: k.rule,
      rawEnd: k.rawEnd,
      adjustedEnd: k.adjustedEnd,
      adjustmentReason: k.adjustmentReason,
      warnFrom: k.warnFrom,
      previous: k.previous.map((p) => ({
        rule: p.rule,
        rawEnd: p.rawEnd,
        adjustedEnd: p.adjustedEnd,
        adjustmentReason: p.adjustmentReason,
      })),
    })),
    pendingTimers: d.timers.map((x) => ({ key: x.timer_key, firesAt: iso(x.fires_at) })),
    complainedPersons: d.complainedPersons.map((p) => ({ id: p.id, userId: p.user_id, name: p.name, jobTitle: p.job_title })),
    hearingSlots: d.hearingSlots.map((s) => ({
      id: s.id,
      startsAt: iso(s.starts_at),
      endsAt: iso(s.ends_at),
      location: s.location,
      booked: s.booked_at !== null,
      withdrawn: s.withdrawn_at !== null,
    })),
    completeness: formalCompleteness({ complainant: d.complainant, receivedAt: c.received_at, description: c.description }),
    hints: notHandlingHints({ incidentDate: c.data.incidentDate, receivedAt: c.received_at }),
  };
}

export function presentTimelineEvent(e: {
  id: string;
  type: string;
  occurred_at: Date;
  actor_id: string | null;
  actor_name: string;
  activity_id: string | null;
  before: unknown;
  after: unknown;
  data: unknown;
}) {
  return {
    id: String(e.id),
    type: e.type,
    occurredAt: iso(e.occurred_at),
    actor: { id: e.actor_id, name: e.actor_name },
    activityId: e.activity_id,
    before: (e.before ?? null) as Record<string, unknown> | null,
    after: (e.after ?? null) as Record<string, unknown> | null,
    data: (e.data ?? {}) as Record<string, unknown>,
  };
}
