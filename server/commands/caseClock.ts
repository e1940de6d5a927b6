import { sql } from 'kysely';
import type { Services } from './context.ts';
import type { CommandContext } from './context.ts';
import { computeClocks, type CaseClockFacts, type ClockInput } from '../domain/calendar/clocks.ts';
import type { Regime } from '../domain/calendar/clockConfig.ts';
import { type Facts, statutoryClocksApply } from '../domain/process/roles.ts';

/**
 * A case's clocks come from its facts (receipt, regime, extension, consent, first contact, closing)
 * and the organisation's clock settings. The handling deadline is also stored on the row so that
 * queues can flag and sort by it without computing clocks per row.
 */
type ClockCase = {
  received_at: Date;
  regime: string;
  clock_facts: Record<string, unknown>;
  closed_at: Date | null;
  process_key: string;
  process_version: number;
  facts: Record<string, unknown>;
};
export const CLOCK_COLUMNS = ['received_at', 'regime', 'clock_facts', 'closed_at', 'process_key', 'process_version', 'facts'] as const;

export function clockInputOf(services: Pick<Services, 'org' | 'processes'>, c: ClockCase): ClockInput {
  const cfg = services.org.clocks;
  const facts = c.clock_facts as Omit<CaseClockFacts, 'receivedAt' | 'regime' | 'stoppedAt'>;
  const def = services.processes.forCase(c);
  return {
    ...facts,
    receivedAt: c.received_at,
    regime: c.regime as Regime,
    // The process says for which facts the regime's clocks run: a signal has none.
    statutory: def ? statutoryClocksApply(def, c.facts as Facts) : true,
    stoppedAt: c.closed_at ?? undefined,
    warnDays: cfg.warnDays,
    serviceNorm: cfg.serviceNorm,
    firstContactNorm: cfg.firstContactNorm,
    reglement: cfg.reglement,
  };
}

export function caseClocks(services: Pick<Services, 'org' | 'calendar' | 'processes'>, c: ClockCase, now: Date) {
  const result = computeClocks(clockInputOf(services, c), now, services.calendar);
  return result.ok ? result.value : [];
}

export async function refreshHandlingDeadline(ctx: CommandContext, caseId: string) {
  const c = await ctx.tx.selectFrom('cases').select(CLOCK_COLUMNS).where('id', '=', caseId).executeTakeFirstOrThrow();
  const clocks = caseClocks(ctx.services, c, ctx.now);
  const handling = clocks.find((k) => k.key === 'handling');
  // The service norm (an organisation's own promise, seed 001) is stored the same way: queues sort by it, the warner warns for it.
  const norm = clocks.find((k) => k.key === 'serviceNorm');
  await ctx.tx
    .updateTable('cases')
    .set({
      handling_deadline: handling?.adjustedEnd ?? null,
      handling_warn_from: handling?.warnFrom ?? null,
      norm_deadline: norm?.adjustedEnd ?? null,
      norm_warn_from: norm?.warnFrom ?? null,
    })
    .where('id', '=', caseId)
    .execute();
}

/** Standard fact at closing: whether the handling term was met (none when the case had no statutory clock). */
export async function recordHandledOnTime(ctx: CommandContext, caseId: string) {
  const c = await ctx.tx.selectFrom('cases').select(CLOCK_COLUMNS).where('id', '=', caseId).executeTakeFirstOrThrow();
  const handling = caseClocks(ctx.services, c, ctx.now).find((k) => k.key === 'handling');
  if (handling?.outcome !== 'met' && handling?.outcome !== 'late') return;
  await ctx.tx
    .updateTable('cases')
    .set({ facts: sql`facts || ${JSON.stringify({ handledOnTime: handling.outcome === 'met' })}::jsonb` })
    .where('id', '=', caseId)
    .execute();
}

/** Queue flag from the stored deadline: overdue after the last day, nearly due from the warning day. */
export function deadlineState(
  today: string,
  deadline: string | null,
  warnFrom: string | null,
  closed: boolean,
): 'overdue' | 'nearlyDue' | null {
  if (closed || !deadline) return null;
  if (today > deadline) return 'overdue';
  if (warnFrom && today >= warnFrom) return 'nearlyDue';
  return null;
}
