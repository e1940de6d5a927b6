import type { Database } from '../db/connect.ts';
import type { Organisation } from './organisation.ts';

/**
 * Org units and teams of the configuration file; the database mirrors them by key so rows can refer
 * to them, marked 'config' (their names are changed in the file; administration adds its own, 030).
 */
export async function syncOrganisation(db: Database, org: Organisation): Promise<void> {
  await db.transaction().execute(async (tx) => {
    for (const unit of org.orgUnits) {
      await tx
        .insertInto('org_unit')
        .values({ key: unit.key, name: unit.name, origin: 'config' })
        .onConflict((oc) => oc.column('key').doUpdateSet({ name: unit.name, origin: 'config' }))
        .execute();
    }
    for (const unit of org.orgUnits.filter((u) => u.parent)) {
      await tx
        .updateTable('org_unit')
        .set((eb) => ({ parent_id: eb.selectFrom('org_unit as p').select('p.id').where('p.key', '=', unit.parent!) }))
        .where('key', '=', unit.key)
        .execute();
    }
    for (const team of org.teams) {
      const orgUnitId = team.orgUnit
        ? (await tx.selectFrom('org_unit').select('id').where('key', '=', team.orgUnit).executeTakeFirstOrThrow()).id
        : null;
      await tx
        .insertInto('team')
        .values({ key: team.key, name: team.name, org_unit_id: orgUnitId, origin: 'config' })
        .onConflict((oc) => oc.column('key').doUpdateSet({ name: team.name, org_unit_id: orgUnitId, origin: 'config' }))
        .execute();
    }
  });
}
