import type { CommandContext } from '../commands/context.ts';
import type { LetterKind } from '../domain/process/vocabulary.ts';
import { fireTrigger } from '../engine/triggers.ts';

/**
 * A letter's life reported to the rest of the system. Sending or submitting a letter fires the
 * engine's trigger (the definition says which step follows, e.g. sending the decision letter closes
 * the case); features that care about one kind of letter listen here (the Awb 9:8 notice records its
 * date), so the letter code itself has no branch per kind.
 */
type Listener = (ctx: CommandContext, caseId: string) => Promise<void>;
const sentListeners = new Map<LetterKind, Listener[]>();

export function onLetterSent(kind: LetterKind, listener: Listener) {
  const list = sentListeners.get(kind) ?? [];
  if (!list.includes(listener)) list.push(listener);
  sentListeners.set(kind, list);
}

export async function letterSent(ctx: CommandContext, caseId: string, kind: LetterKind) {
  for (const listener of sentListeners.get(kind) ?? []) await listener(ctx, caseId);
  return fireTrigger(ctx, caseId, 'letterSent', { letterKind: kind });
}

export const letterSubmitted = (ctx: CommandContext, caseId: string, kind: LetterKind) =>
  fireTrigger(ctx, caseId, 'letterSubmitted', { letterKind: kind });
