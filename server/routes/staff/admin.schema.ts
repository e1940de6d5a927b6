import { z } from 'zod';
import { ROLES } from '../../domain/roles.ts';

/** Request schemas of administration (users, teams, organisation units, substitutes); messages in the form's words. */
const name = z.string().trim().min(1, 'Vul de naam in.').max(200, 'Een naam is hoogstens 200 tekens.');
const email = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email({ error: 'Vul een geldig e-mailadres in, bijvoorbeeld naam@organisatie.nl.' }))
  .meta({ 'x-kf-rule': 'Uniek: een adres dat een ander account al heeft geeft 400 (duplicate).' });
const roles = z
  .array(z.enum(ROLES, { error: 'Kies een rol uit de lijst.' }))
  .min(1, 'Kies minstens één rol.')
  .max(ROLES.length);
const teamIds = z.array(z.uuid({ error: 'Kies een team uit de lijst.' })).max(100);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));
const key = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9-]{0,59}$/, 'Een sleutel bestaat uit kleine letters, cijfers en streepjes, en begint met een letter.');
const isoDate = (message: string) => z.iso.date({ error: message });

export const userListQuery = z.object({
  q: z.string().trim().max(200).optional(),
  status: z.enum(['active', 'inactive', 'all']).default('active'),
});

export const createUserBody = z.object({
  name,
  email,
  roles,
  teamIds: teamIds.default([]),
  orgUnitId: z.uuid({ error: 'Kies een afdeling uit de lijst.' }).nullish(),
  jobTitle: optionalText(200),
  phone: optionalText(50),
});

export const changeUserBody = z
  .object({
    name: name.optional(),
    email: email.optional(),
    roles: roles.optional(),
    teamIds: teamIds.optional(),
    orgUnitId: z.uuid({ error: 'Kies een afdeling uit de lijst.' }).nullable().optional(),
    jobTitle: optionalText(200).optional(),
    phone: optionalText(50).optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), { message: 'Wijzig minstens één gegeven.', path: ['name'] });

export const substitutionBody = z.object({
  substituteId: z.uuid({ error: 'Kies een vervanger uit de lijst.' }),
  startsOn: isoDate('Vul de eerste dag in, bijvoorbeeld 2026-06-01.').meta({
    'x-kf-rule': 'Niet overlappend met een andere vervanging van deze medewerker; anders 400 (overlap).',
  }),
  endsOn: isoDate('Vul de laatste dag in, bijvoorbeeld 2026-06-14.').meta({
    'x-kf-rule': 'Op of na startsOn; anders 400.',
  }),
});

export const createTeamBody = z.object({
  name,
  key: key.optional(),
  orgUnitId: z.uuid({ error: 'Kies een afdeling uit de lijst.' }).nullish(),
});

export const changeTeamBody = z
  .object({ name: name.optional(), orgUnitId: z.uuid({ error: 'Kies een afdeling uit de lijst.' }).nullable().optional() })
  .refine((b) => b.name !== undefined || b.orgUnitId !== undefined, { message: 'Wijzig de naam of de afdeling.', path: ['name'] });

export const createOrgUnitBody = z.object({
  name,
  key: key.optional(),
  parentId: z.uuid({ error: 'Kies een afdeling uit de lijst.' }).nullish(),
});

export const changeOrgUnitBody = z
  .object({ name: name.optional(), parentId: z.uuid({ error: 'Kies een afdeling uit de lijst.' }).nullable().optional() })
  .refine((b) => b.name !== undefined || b.parentId !== undefined, {
    message: 'Wijzig de naam of de bovenliggende afdeling.',
    path: ['name'],
  });
