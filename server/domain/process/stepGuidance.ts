import type { Duration, Effect, ProcessDefinition, Transition } from './definition.ts';
import { statusHasRole } from './roles.ts';
import { transitionsFrom } from './validateProcess.ts';
import { FACTS, type LetterStage } from './vocabulary.ts';

/**
 * Guidance for the case page, read from the definition only: which of the steps open now fits the
 * case best (the screen makes it the one primary action), and what each step will do, in words,
 * from its target status and effects. Never names a preset's keys: it reads guards, roles, effects.
 */
type Bilingual = { nl: string; en: string };

export type GuidanceContext = {
  /** Whether the complaint has what Awb 9:4 asks (name, address, date, description). */
  complete: boolean;
  /** The stages the case's letters reached, per kind. */
  letters: { kind: string; status: LetterStage }[];
  /** A team's name by its key (organisation configuration); never its key on a screen. */
  teamName: (key: string) => string | undefined;
  /** Whether the regime's clocks run for this case (a signal has none). */
  clocksRun: boolean;
};

const STAGES: readonly LetterStage[] = ['draft', 'inReview', 'approved', 'sent'];
const isTerminal = (def: ProcessDefinition, status: string) => def.statuses.some((s) => s.key === status && s.terminal);
const isExit = (t: Transition) => t.from === '*';
/** A step an outside event takes (the complainant answered or booked a time): staff do not start it. */
const isOutsideEvent = (t: Transition) => !!t.trigger && !t.trigger.type.startsWith('letter');

/**
 * How well a step fits now; higher is better. A step meant for these facts (its fact guards hold)
 * leads; a step that ends the case without any condition (decline, refer, resolve at once), a step
 * that goes back to where the case came from, and asking for information on a complete complaint
 * are alternatives, never the recommendation.
 */
function fitScore(def: ProcessDefinition, status: string, t: Transition, ctx: GuidanceContext): number {
  let score = 0;
  if (t.guards.some((g) => g.type === 'fact')) score += 4;
  const asksInformation = statusHasRole(def, t.to, 'waitsForInformation');
  if (asksInformation) score += ctx.complete ? -3 : 3;
  const conditioned = t.guards.some((g) => g.type !== 'fact');
  if (isTerminal(def, t.to) && !conditioned) score -= 2;
  if (!asksInformation && !isTerminal(def, t.to)) {
    // Statuses are listed in process order: a step to an earlier one goes back; a step to a status
    // whose only way on leads back here is a detour (ask a department, then continue).
    const at = (key: string) => def.statuses.findIndex((x) => x.key === key);
    const onward = transitionsFrom(def, t.to).filter((x) => !isExit(x));
    if (t.to === status || at(t.to) < at(status)) score -= 2;
    else if (onward.length && onward.every((x) => x.to === status)) score -= 1;
  }
  for (const g of t.guards) {
    if (g.type !== 'letter' || t.trigger) continue;
    const reached = ctx.letters.some(
      (l) => (!g.kinds?.length || (g.kinds as string[]).includes(l.kind)) && STAGES.indexOf(l.status) >= STAGES.indexOf(g.atLeast),
    );
    if (!reached) score -= 3;
  }
  return score;
}

/**
 * The step that fits the case's facts and status, among those the actor may take now, or null when
 * none clearly does (the case waits for the complainant, or only alternatives are left).
 */
export function recommendedStep(def: ProcessDefinition, status: string, steps: Transition[], ctx: GuidanceContext): string | null {
  if (def.statuses.some((s) => s.key === status && s.roles.length)) return null;
  let best: { key: string; score: number } | null = null;
  for (const t of steps) {
    if (isExit(t) || isOutsideEvent(t)) continue;
    const score = fitScore(def, status, t, ctx);
    if (!best || score > best.score) best = { key: t.key, score };
  }
  return best && best.score >= 0 ? best.key : null;
}

function durationWords(d: Duration | undefined): Bilingual | null {
  if (!d) return null;
  if ('days' in d) return { nl: `${d.days} ${d.days === 1 ? 'dag' : 'dagen'}`, en: `${d.days} ${d.days === 1 ? 'day' : 'days'}` };
  if ('workingDays' in d)
    return {
      nl: `${d.workingDays} ${d.workingDays === 1 ? 'werkdag' : 'werkdagen'}`,
      en: `${d.workingDays} working ${d.workingDays === 1 ? 'day' : 'days'}`,
    };
  if ('weeks' in d) return { nl: `${d.weeks} ${d.weeks === 1 ? 'week' : 'weken'}`, en: `${d.weeks} ${d.weeks === 1 ? 'week' : 'weeks'}` };
  return { nl: `${d.hours} uur`, en: `${d.hours} ${d.hours === 1 ? 'hour' : 'hours'}` };
}

function effectWords(def: ProcessDefinition, e: Effect, ctx: GuidanceContext): Bilingual | null {
  const team = (key: string | undefined) => (key ? ctx.teamName(key) : undefined);
  switch (e.type) {
    case 'assignTeam': {
      const name = team(e.team);
      return name
        ? { nl: `De melding gaat naar team ${name}`, en: `The case goes to team ${name}` }
        : { nl: 'De melding gaat naar het team dat u kiest', en: 'The case goes to the team you choose' };
    }
    case 'assignActor':
      return { nl: 'U wordt de behandelaar', en: 'You become the handler' };
    case 'unassign':
      return { nl: 'De melding heeft daarna geen behandelaar', en: 'The case no longer has a handler' };
    case 'createTask': {
      const name = team(e.team);
      if (name) return { nl: `Er komt een taak voor team ${name}: ${e.subject.nl}`, en: `Team ${name} gets a task: ${e.subject.en}` };
      if (e.teamFromInput)
        return {
          nl: `Er komt een taak voor het team dat u kiest: ${e.subject.nl}`,
          en: `The team you choose gets a task: ${e.subject.en}`,
        };
      return { nl: `Er komt een taak: ${e.subject.nl}`, en: `A task is created: ${e.subject.en}` };
    }
    case 'completeTasks':
      return { nl: 'De open taken worden afgerond', en: 'The open tasks are completed' };
    case 'startTimer': {
      const d = durationWords(def.periods[e.period]);
      return d
        ? { nl: `Er loopt een wachttijd van ${d.nl}`, en: `A waiting period of ${d.en} starts` }
        : { nl: 'Er loopt een wachttijd', en: 'A waiting period starts' };
    }
    case 'sendMessage':
      if (e.to === 'complainant') return { nl: 'De klager krijgt een e-mail', en: 'The complainant gets an e-mail' };
      if ('address' in e.to) return { nl: `Er gaat een e-mail naar ${e.to.address}`, en: `An e-mail goes to ${e.to.address}` };
      if ('addressFromFact' in e.to)
        return {
          nl: 'Het e-mailadres dat u invult krijgt een e-mail (Awb 2:3: de klacht gaat door)',
          en: 'The e-mail address you give gets an e-mail (Awb 2:3: the complaint goes on)',
        };
      return { nl: 'De manager van de afdeling krijgt een e-mail', en: "The department's manager gets an e-mail" };
    case 'addActionLines':
      return { nl: 'Er komen actieregels bij', en: 'Action lines are added' };
    case 'noticeOfNotHandling':
      return {
        nl: 'Er komt een brief aan de klager dat de klacht niet wordt behandeld',
        en: 'A letter to the complainant that the complaint is not handled is drafted',
      };
    case 'sendSurvey':
      return { nl: 'De klager krijgt een tevredenheidsonderzoek', en: 'The complainant gets a satisfaction survey' };
    case 'setFact':
      return e.fact === 'outcome' ? null : { nl: `${FACTS[e.fact].nl} wordt vastgelegd`, en: `${FACTS[e.fact].en} is recorded` };
    default:
      return null;
  }
}

/** What taking a step will do, in the order a user cares about: where the case goes, then its effects. */
export function stepConsequences(def: ProcessDefinition, t: Transition, ctx: GuidanceContext): Bilingual[] {
  const target = def.statuses.find((s) => s.key === t.to);
  const out: Bilingual[] = [];
  if (target?.terminal) {
    out.push({ nl: `De melding wordt afgesloten: ${target.label.nl}`, en: `The case is closed: ${target.label.en}` });
    if (ctx.clocksRun) out.push({ nl: 'De termijn stopt', en: 'The deadline stops' });
  } else if (target) {
    out.push({ nl: `De status wordt: ${target.label.nl}`, en: `The status becomes: ${target.label.en}` });
  }
  if (target?.roles.includes('waitsForInformation'))
    out.push({ nl: 'De klager kan in het portaal antwoorden', en: 'The complainant can answer in the portal' });
  if (target?.roles.includes('hearingBooking'))
    out.push({ nl: 'De klager kiest in het portaal een tijd', en: 'The complainant picks a time in the portal' });
  const seen = new Set<string>();
  for (const e of t.effects) {
    const words = effectWords(def, e, ctx);
    if (words && !seen.has(words.nl)) {
      seen.add(words.nl);
      out.push(words);
    }
  }
  return out;
}
