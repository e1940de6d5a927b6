import { sql } from 'kysely';
import { invalid } from '../domain/errors.ts';
import { normaliseEmail } from '../domain/personKeys.ts';
import { formatPhone, phoneOrInvalid } from '../domain/phone.ts';
import type { CommandContext } from '../commands/context.ts';
import { recordEvent } from '../commands/timeline.ts';
import { closeRequest, openRequest } from './subjectRequests.ts';
import { recordRequestEvent } from './requestEvents.ts';

export type Correction = {
  name?: string;
  email?: string | null;
  phone?: string | null;
  street?: string | null;
  postcode?: string | null;
  city?: string | null;
};

const FIELD_WORDS: Record<keyof Correction, string> = {
  name: 'naam',
  email: 'e-mailadres',
  phone: 'telefoonnummer',
  street: 'adres',
  postcode: 'postcode',
  city: 'woonplaats',
};

/**
 * AVG art. 16: corrects a person's name and contact details (or a colleague's name, e-mail and
 * phone). The request's history and each of the person's cases' timelines name the fields changed,
 * not the old or new values; the cases' search text follows the new name.
 */
export async function correctSubject(ctx: CommandContext, requestId: string, changes: Correction) {
  const r = await openRequest(ctx, requestId, 'correction');
  const clean = cleanCorrection(changes);
  const fields = Object.keys(clean) as (keyof Correction)[];
  if (!fields.length) throw invalid('name', 'Vul minstens één gegeven in dat moet worden gecorrigeerd.');
  if (r.person_id) {
    const before = await ctx.tx.selectFrom('person').select(['name', 'email']).where('id', '=', r.person_id).executeTakeFirstOrThrow();
    await ctx.tx.updateTable('person').set(clean).where('id', '=', r.person_id).execute();
    const cases = await ctx.tx
      .selectFrom('cases')
      .select('id')
      .where((eb) => eb.or([eb('complainant_id', '=', r.person_id!), eb('representative_id', '=', r.person_id!)]))
      .execute();
    for (const c of cases) await recordEvent(ctx, { type: 'personCorrected', caseId: c.id, data: { fields } });
    for (const [old, now] of [
      [before.name, clean.name],
      [before.email, clean.email],
    ] as const) {
      if (old && now !== undefined && now !== old) {
        await ctx.tx
          .updateTable('cases')
          .set({ search_text: sql`replace(search_text, ${old}, ${now ?? ''})` })
          .where('id', 'in', cases.length ? cases.map((c) => c.id) : ['00000000-0000-0000-0000-000000000000'])
          .execute();
      }
    }
  } else {
    const staffFields = fields.filter((f) => f === 'name' || f === 'email' || f === 'phone');
    if (staffFields.length !== fields.length)
      throw invalid('street', 'Van een medewerker worden alleen naam, e-mailadres en telefoonnummer vastgelegd.');
    if (clean.email === null) throw invalid('email', 'Een medewerker heeft altijd een e-mailadres.');
    if (clean.email) {
      const taken = await ctx.tx
        .selectFrom('staff_user')
        .select('id')
        .where(sql<boolean>`lower(email) = ${clean.email}`)
        .where('id', '<>', r.staff_user_id!)
        .executeTakeFirst();
      if (taken) throw invalid('email', 'Dit e-mailadres hoort al bij een andere medewerker.');
    }
    await ctx.tx
      .updateTable('staff_user')
      // A colleague's direct line is kept as people read it (as the administrator writes it), not as E.164.
      .set({ name: clean.name, email: clean.email ?? undefined, phone: clean.phone && formatPhone(clean.phone) })
      .where('id', '=', r.staff_user_id!)
      .execute();
    if (clean.name)
      await ctx.tx.updateTable('complained_person').set({ name: clean.name }).where('user_id', '=', r.staff_user_id!).execute();
  }
  await recordRequestEvent(ctx, r.id, 'corrected', { fields });
  await closeRequest(ctx, r.id, 'granted', `Gecorrigeerd: ${fields.map((f) => FIELD_WORDS[f]).join(', ')}.`);
  return fields;
}

/** Trims; an empty contact field is removed (null), an empty name is refused. */
function cleanCorrection(c: Correction): Correction {
  const out: Correction = {};
  if (c.name !== undefined) {
    const name = c.name.trim();
    if (!name) throw invalid('name', 'Een naam kan niet leeg zijn.');
    out.name = name;
  }
  if (c.email !== undefined) out.email = normaliseEmail(c.email);
  if (c.phone !== undefined) out.phone = phoneOrInvalid(c.phone, 'phone');
  for (const k of ['street', 'postcode', 'city'] as const) if (c[k] !== undefined) out[k] = c[k]?.trim() || null;
  return out;
}
