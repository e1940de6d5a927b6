import { sql } from 'kysely';
import { computeClocks } from '../domain/calendar/clocks.ts';
import { AppError, conflict, invalid, notFound } from '../domain/errors.ts';
import { committeeName, hasAdvisoryCommittee, isRegime, REGIME_LABELS, type Regime, regimeFixedBy, regimesOf } from '../domain/regimes.ts';
import { caseScope } from '../queries/scope.ts';
import { CLOCK_COLUMNS, clockInputOf, refreshHandlingDeadline } from './caseClock.ts';
import type { CommandContext } from './context.ts';
import { recordEvent } from './timeline.ts';

/**
 * A case's legal regime, where its process allows more than one (definition.ts `regime` and
 * `otherRegimes`: a ministry that has some complaints advised on by a committee), and with an
 * advisory committee what the decision does with its advice (the facts `followsAdvice` and
 * `adviceDepartureReason`, which the decision letter states: Awb 9:16). Both only while the case is
 * open and its decision letter not yet approved: that letter was written and checked under them.
 */
const STALE = 'De melding is intussen gewijzigd. Vernieuw de pagina en probeer opnieuw.';
const DECIDED =
  'Het besluit op deze klacht is al goedgekeurd. Daarna kan dit niet meer veranderen: de brief is volgens de klachtregeling van dat moment geschreven en gecontroleerd.';

async function loadOpenCase(ctx: CommandContext, caseId: string, expectedVersion: number | undefined) {
  const c = await ctx.tx
    .selectFrom('cases')
    .select(['id', 'version', 'handling_deadline', ...CLOCK_COLUMNS])
    .where('id', '=', caseId)
    .where(caseScope(ctx.actor))
    .forUpdate()
    .executeTakeFirst();
  if (!c) throw notFound('Deze melding');
  if (c.closed_at) throw conflict('De melding is afgesloten; de klachtregeling kan niet meer veranderen.');
  if (expectedVersion !== undefined && expectedVersion !== c.version) throw conflict(STALE);
  const letters = await ctx.tx.selectFrom('letter').select(['kind', 'status']).where('case_id', '=', c.id).execute();
  return { c, decided: regimeFixedBy(letters) };
}

/** Compare-and-set on the case's version, like a change of its data. */
async function updateCase(ctx: CommandContext, c: { id: string; version: number }, set: { regime?: Regime; facts?: object }) {
  const updated = await ctx.tx
    .updateTable('cases')
    .set({
      ...(set.regime ? { regime: set.regime } : {}),
      ...(set.facts ? { facts: sql`facts || ${JSON.stringify(set.facts)}::jsonb` } : {}),
      version: sql`version + 1`,
      updated_at: ctx.now,
    })
    .where('id', '=', c.id)
    .where('version', '=', c.version)
    .returning('version')
    .executeTakeFirst();
  if (!updated) throw conflict(STALE);
  return updated.version;
}

export type SetRegimeInput = { caseId: string; regime: string; expectedVersion?: number };

/**
 * Gives the case another regime its process allows; its clocks follow (the stored handling deadline
 * is recomputed: 10 weeks with an advisory committee instead of 6). Setting the regime it has
 * changes nothing.
 */
export async function setCaseRegime(ctx: CommandContext, input: SetRegimeInput) {
  const { c, decided } = await loadOpenCase(ctx, input.caseId, input.expectedVersion);
  const allowed = regimesOf(ctx.services.processes.forCase(c));
  if (!isRegime(input.regime) || !allowed.includes(input.regime))
    throw invalid('regime', `Kies een klachtregeling van dit proces: ${allowed.map((r) => REGIME_LABELS[r].nl).join(', ')}.`);
  const regime = input.regime;
  if (regime === c.regime) return { version: c.version, changed: false };
  if (decided) throw conflict(DECIDED);
  // The case's clock facts must hold under the new regime: not handling (Awb 9:8) exists only under the Awb.
  const clocks = computeClocks(clockInputOf(ctx.services, { ...c, regime }), ctx.now, ctx.services.calendar);
  if (!clocks.ok) {
    const reason = `Deze melding kan niet onder ${REGIME_LABELS[regime].nl} vallen: ${clocks.error.message.nl}`;
    throw new AppError('invalid', reason, [{ name: 'regime', code: clocks.error.code, reason }]);
  }
  const version = await updateCase(ctx, c, { regime });
  await refreshHandlingDeadline(ctx, c.id);
  const after = await ctx.tx.selectFrom('cases').select('handling_deadline').where('id', '=', c.id).executeTakeFirstOrThrow();
  await recordEvent(ctx, {
    type: 'regimeChanged',
    caseId: c.id,
    before: { regime: c.regime, deadline: c.handling_deadline },
    after: { regime, deadline: after.handling_deadline },
  });
  return { version, changed: true };
}

export type CommitteeAdviceInput = { caseId: string; followsAdvice: boolean; departureReason?: string; expectedVersion?: number };

/**
 * Records whether the decision follows the advisory committee's advice and, when it departs from it,
 * the reason (Awb 9:16; the housing rules: WON-01). The decision letter drafted afterwards states it;
 * approval checks it. The advice itself is a document of type `committeeAdvice` on the case.
 */
export async function recordCommitteeAdvice(ctx: CommandContext, input: CommitteeAdviceInput) {
  const { c, decided } = await loadOpenCase(ctx, input.caseId, input.expectedVersion);
  if (!hasAdvisoryCommittee(c.regime))
    throw conflict(`Onder ${isRegime(c.regime) ? REGIME_LABELS[c.regime].nl : c.regime} adviseert geen commissie over de klacht.`);
  if (decided) throw conflict(DECIDED);
  const reason = input.departureReason?.trim() || null;
  if (!input.followsAdvice && !reason)
    throw invalid(
      'departureReason',
      `Schrijf waarom het besluit afwijkt van het advies van de ${committeeName(c.regime)}. De reden staat in de brief (${c.regime === 'reglement' ? 'klachtenreglement' : 'Awb 9:16'}).`,
    );
  const facts = { followsAdvice: input.followsAdvice, adviceDepartureReason: input.followsAdvice ? null : reason };
  const before = c.facts as Record<string, unknown>;
  const version = await updateCase(ctx, c, { facts });
  await recordEvent(ctx, {
    type: 'committeeAdviceRecorded',
    caseId: c.id,
    before: { followsAdvice: before.followsAdvice ?? null, adviceDepartureReason: before.adviceDepartureReason ?? null },
    after: facts,
  });
  return { version };
}
