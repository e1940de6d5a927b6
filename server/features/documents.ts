import { conflict } from '../domain/errors.ts';
import { registerGuard } from '../engine/registry.ts';

/** A step that needs a document of a type on the case first (the hearing report). */
export function registerDocuments() {
  registerGuard('document', async (ctx, step, guard) => {
    const doc = await ctx.tx
      .selectFrom('document')
      .select('id')
      .where('case_id', '=', step.caseId)
      .where('doc_type', '=', guard.docType)
      .executeTakeFirst();
    // The case lacks it, not the request: a 409 whose detail says what to add first.
    if (!doc) throw conflict(`Voeg eerst een document van het type "${guard.docType}" toe aan de melding. Daarna kan deze stap.`);
  });
}
