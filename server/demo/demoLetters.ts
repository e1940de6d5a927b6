import type { Services, StaffActor } from '../commands/context.ts';
import type { LetterKind } from '../db/schema.ts';
import { approveLetter } from '../letters/approveLetter.ts';
import { draftLetter } from '../letters/draftLetter.ts';
import { editLetter } from '../letters/editLetter.ts';
import { currentSections, loadLetter } from '../letters/letterStore.ts';
import { sendLetter } from '../letters/sendLetter.ts';
import { submitForReview } from '../letters/submitForReview.ts';
import { asStaff } from './asStaff.ts';

/**
 * A letter written the way people write one: drafted, every `[Vul in …]` part filled in plain
 * Dutch, offered for review with its process step, then approved and sent with the next step.
 * Used by the demo data and by tests that walk a whole process.
 */
const FILL: Record<string, string> = {
  judgment: 'Wij vinden uw klacht deels gegrond.',
};
const DEFAULT_FILL =
  'Wij hebben uw klacht goed bekeken. Wij leggen u hier uit wat wij vinden. Wat wij afspreken, is klaar voor 1 juni 2026.';

export async function draftAndSubmitLetter(services: Services, o: { caseId: string; kind: LetterKind; drafter: StaffActor }) {
  const { id } = await asStaff(services, o.drafter, (ctx) => draftLetter(ctx, { caseId: o.caseId, kind: o.kind }));
  const sections = await asStaff(services, o.drafter, async (ctx) => currentSections(ctx, await loadLetter(ctx, id)));
  const filled = sections.filter((s) => s.text.includes('[Vul in')).map((s) => ({ key: s.key, text: FILL[s.key] ?? DEFAULT_FILL }));
  const edited = await asStaff(services, o.drafter, (ctx) => editLetter(ctx, { letterId: id, expectedVersion: 1, sections: filled }));
  const submitted = await asStaff(services, o.drafter, (ctx) => submitForReview(ctx, { letterId: id, expectedVersion: edited.version }));
  return { id, version: submitted.version };
}

export async function approveAndSendLetter(services: Services, o: { letterId: string; version: number; approver: StaffActor }) {
  const approved = await asStaff(services, o.approver, (ctx) => approveLetter(ctx, { letterId: o.letterId, expectedVersion: o.version }));
  await sendLetter(services, o.approver, { letterId: o.letterId, expectedVersion: approved.version });
}

export async function writeAndSendLetter(
  services: Services,
  o: {
    caseId: string;
    kind: LetterKind;
    drafter: StaffActor;
    approver: StaffActor;
  },
) {
  const { id, version } = await draftAndSubmitLetter(services, o);
  await approveAndSendLetter(services, { letterId: id, version, approver: o.approver });
  return id;
}
