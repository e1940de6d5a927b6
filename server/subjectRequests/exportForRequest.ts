import { runCommand, type Actor, type Services } from '../commands/context.ts';
import { notFound } from '../domain/errors.ts';
import { recordRequestEvent } from './requestEvents.ts';
import { subjectExportZip } from './exportFile.ts';
import { gatherSubjectExport } from './subjectExport.ts';

/** The file for a request (any kind: a person asking to correct may first want to see), its making recorded with counts. */
export async function exportForRequest(services: Services, actor: Actor, requestId: string) {
  const r = await services.db
    .selectFrom('subject_request')
    .select(['id', 'person_id', 'staff_user_id'])
    .where('id', '=', requestId)
    .executeTakeFirst();
  if (!r) throw notFound('Dit verzoek');
  const data = await gatherSubjectExport(services, r.person_id ? { personId: r.person_id } : { staffUserId: r.staff_user_id! });
  await runCommand(services, actor, (ctx) =>
    recordRequestEvent(ctx, requestId, 'exported', {
      cases: data.cases.length,
      withheldNotes: data.cases.reduce((n, c) => n + c.notes.filter((x) => x.withheld).length, 0),
    }),
  );
  return subjectExportZip(data, services.org.name);
}
