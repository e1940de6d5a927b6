import type { Actor, Services } from '../commands/context.ts';
import { caseReadScope } from './scope.ts';

/** A case's document for download: undefined when missing or its case is outside the actor's scope. */
export function documentForDownload(services: Services, actor: Actor, id: string) {
  return services.db
    .selectFrom('document')
    .innerJoin('cases', 'cases.id', 'document.case_id')
    .where('document.id', '=', id)
    .where(caseReadScope(actor))
    .select(['document.filename', 'document.media_type', 'document.size_bytes', 'document.storage_key', 'document.sha256'])
    .executeTakeFirst();
}
