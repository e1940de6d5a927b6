import { conflict, invalid, notFound } from '../domain/errors.ts';
import { changedFields, recordAdminChange, type Snapshot } from './adminChanges.ts';
import type { CommandContext } from './context.ts';

/**
 * Teams and organisation units made on the administration screens (issue 13). Those from the
 * organisation's configuration file are rows too (origin 'config'), kept in step with the file at
 * every start-up: their name, unit and parent are changed in the file, never here (a change here
 * would silently go back at the next start). Who is in a team is administration for both kinds.
 *
 * A key is what process definitions and the configuration use to name a team; made from the name
 * unless given, unique, and never changed once made (references to it would break).
 */
const KEY = /^[a-z][a-z0-9-]{0,59}$/;

export function keyFromName(name: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50)
    .replace(/-+$/, '');
  return /^[a-z]/.test(slug) ? slug : `team-${slug}`.replace(/-+$/, '');
}

async function freeKey(ctx: CommandContext, table: 'team' | 'org_unit', wanted: string | undefined, name: string): Promise<string> {
  const taken = async (key: string) => !!(await ctx.tx.selectFrom(table).select('id').where('key', '=', key).executeTakeFirst());
  if (wanted !== undefined) {
    if (!KEY.test(wanted)) throw invalid('key', 'Een sleutel bestaat uit kleine letters, cijfers en streepjes, en begint met een letter.');
    if (await taken(wanted)) throw invalid('key', 'Deze sleutel is al in gebruik.', 'duplicate');
    return wanted;
  }
  const base = keyFromName(name);
  for (let n = 1; ; n++) {
    const key = n === 1 ? base : `${base}-${n}`;
    if (!(await taken(key))) return key;
  }
}

async function orgUnitName(ctx: CommandContext, id: string | null | undefined, field: string): Promise<string | null> {
  if (!id) return null;
  const unit = await ctx.tx.selectFrom('org_unit').select('name').where('id', '=', id).executeTakeFirst();
  if (!unit) throw invalid(field, 'Deze afdeling bestaat niet.');
  return unit.name;
}

const FROM_CONFIG = 'Dit komt uit de configuratie van de organisatie: de naam en de plaats in de organisatie wijzigt u daar.';

export async function createTeam(ctx: CommandContext, input: { name: string; key?: string; orgUnitId: string | null }): Promise<string> {
  const orgUnit = await orgUnitName(ctx, input.orgUnitId, 'orgUnitId');
  const key = await freeKey(ctx, 'team', input.key, input.name);
  const row = await ctx.tx
    .insertInto('team')
    .values({ key, name: input.name, org_unit_id: input.orgUnitId, origin: 'admin' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordAdminChange(ctx, { subject: 'team', subjectId: row.id, action: 'teamCreated', after: { name: input.name, key, orgUnit } });
  return row.id;
}

export async function changeTeam(ctx: CommandContext, id: string, patch: { name?: string; orgUnitId?: string | null }) {
  const team = await ctx.tx
    .selectFrom('team as t')
    .leftJoin('org_unit as ou', 'ou.id', 't.org_unit_id')
    .select(['t.id', 't.name', 't.origin', 't.org_unit_id', 'ou.name as org_unit'])
    .where('t.id', '=', id)
    .forUpdate('t')
    .executeTakeFirst();
  if (!team) throw notFound('Dit team');
  const orgUnit = patch.orgUnitId !== undefined ? await orgUnitName(ctx, patch.orgUnitId, 'orgUnitId') : team.org_unit;
  const before: Snapshot = { name: team.name, orgUnit: team.org_unit };
  const diff = changedFields(before, { name: patch.name ?? team.name, orgUnit });
  if (!diff) return;
  if (team.origin === 'config') throw conflict(FROM_CONFIG);
  await ctx.tx
    .updateTable('team')
    .set({
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.orgUnitId !== undefined ? { org_unit_id: patch.orgUnitId } : {}),
    })
    .where('id', '=', id)
    .execute();
  await recordAdminChange(ctx, { subject: 'team', subjectId: id, action: 'teamChanged', ...diff });
}

export async function createOrgUnit(ctx: CommandContext, input: { name: string; key?: string; parentId: string | null }): Promise<string> {
  const parent = await orgUnitName(ctx, input.parentId, 'parentId');
  const key = await freeKey(ctx, 'org_unit', input.key, input.name);
  const row = await ctx.tx
    .insertInto('org_unit')
    .values({ key, name: input.name, parent_id: input.parentId, origin: 'admin' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordAdminChange(ctx, {
    subject: 'orgUnit',
    subjectId: row.id,
    action: 'orgUnitCreated',
    after: { name: input.name, key, parent },
  });
  return row.id;
}

export async function changeOrgUnit(ctx: CommandContext, id: string, patch: { name?: string; parentId?: string | null }) {
  const unit = await ctx.tx
    .selectFrom('org_unit as u')
    .leftJoin('org_unit as p', 'p.id', 'u.parent_id')
    .select(['u.id', 'u.name', 'u.origin', 'p.name as parent'])
    .where('u.id', '=', id)
    .forUpdate('u')
    .executeTakeFirst();
  if (!unit) throw notFound('Deze afdeling');
  let parent = unit.parent;
  if (patch.parentId !== undefined) {
    parent = await orgUnitName(ctx, patch.parentId, 'parentId');
    // A unit under itself, or under one of its own units, would make a circle.
    for (let at: string | null = patch.parentId; at; ) {
      if (at === id) throw invalid('parentId', 'Een afdeling kan niet onder zichzelf of onder een eigen onderdeel vallen.');
      at = (await ctx.tx.selectFrom('org_unit').select('parent_id').where('id', '=', at).executeTakeFirst())?.parent_id ?? null;
    }
  }
  const diff = changedFields({ name: unit.name, parent: unit.parent }, { name: patch.name ?? unit.name, parent });
  if (!diff) return;
  if (unit.origin === 'config') throw conflict(FROM_CONFIG);
  await ctx.tx
    .updateTable('org_unit')
    .set({
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.parentId !== undefined ? { parent_id: patch.parentId } : {}),
    })
    .where('id', '=', id)
    .execute();
  await recordAdminChange(ctx, { subject: 'orgUnit', subjectId: id, action: 'orgUnitChanged', ...diff });
}
