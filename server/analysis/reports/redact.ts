import type { Services } from '../../commands/context.ts';

/**
 * The public annual report names no one. Its own sentences hold no names; texts staff wrote (a
 * measure's description, the analyst's conclusions) might. Those lose every name of a staff member
 * and of a complainant or representative of a case linked to an improvement measure: each part of
 * such a name that starts with a capital and has three letters or more (not "van", "de") becomes
 * "[naam]".
 */
export const NAME_MARK = '[naam]';

export async function redactionNames(services: Services): Promise<string[]> {
  const [staff, persons] = await Promise.all([
    services.db.selectFrom('staff_user').select('name').execute(),
    services.db
      .selectFrom('improvement_measure_case as mc')
      .innerJoin('cases', 'cases.id', 'mc.case_id')
      .innerJoin('person', (j) =>
        j.on((eb) =>
          eb.or([eb('person.id', '=', eb.ref('cases.complainant_id')), eb('person.id', '=', eb.ref('cases.representative_id'))]),
        ),
      )
      .select('person.name')
      .distinct()
      .limit(20_000)
      .execute(),
  ]);
  const parts = new Set<string>();
  for (const { name } of [...staff, ...persons])
    for (const part of name.split(/[\s,.;:()'"-]+/u)) if (part.length >= 3 && /^\p{Lu}/u.test(part)) parts.add(part);
  return [...parts].sort((a, b) => b.length - a.length);
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function redactNames(text: string, names: readonly string[]): string {
  if (!names.length || !text) return text;
  let out = text;
  // In chunks: one alternation of thousands of names is slow to compile and to run.
  for (let i = 0; i < names.length; i += 500) {
    const re = new RegExp(
      `(?<![\\p{L}\\p{N}])(?:${names
        .slice(i, i + 500)
        .map(escapeRegExp)
        .join('|')})(?![\\p{L}\\p{N}])`,
      'gu',
    );
    out = out.replace(re, NAME_MARK);
  }
  return out;
}
