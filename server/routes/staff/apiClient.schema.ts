import { z } from 'zod';
import { API_CLIENT_SCOPES } from '../../apiClients/scopes.ts';

/** Request schemas of API clients (keys for other systems); messages in the form's words. */
export const createApiClientBody = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'Geef de koppeling een naam.')
    .max(100, 'Een naam is hoogstens 100 tekens.')
    .meta({ 'x-kf-rule': 'Zonder de spaties aan begin en eind niet leeg; anders 400.' }),
  scopes: z
    .array(z.enum(API_CLIENT_SCOPES, { error: 'Kies een bevoegdheid uit de lijst.' }))
    .min(1, 'Kies minstens één bevoegdheid.')
    .max(API_CLIENT_SCOPES.length),
  expiresAt: z.iso
    .datetime({ offset: true, error: 'Vul een geldige datum en tijd in.' })
    .nullish()
    .meta({ 'x-kf-rule': 'In de toekomst; anders 400 (past).' }),
});
export const apiClientParams = z.object({ id: z.uuid({ error: 'Dit is geen geldige koppeling.' }) });
