import { z } from 'zod';

/** Request schemas of the process owner's routes (process versions). */
export const processKeyParams = z.object({ key: z.string().regex(/^[a-z][a-z0-9-]{0,99}$/, 'Geen geldige processleutel.') });
export const processVersionParams = processKeyParams.extend({ version: z.coerce.number().int().min(1).max(1_000_000) });

/** A changed definition: the JSON object, or its text as typed or uploaded (a syntax error is then a problem too). */
export const definitionBody = z.object({
  definition: z.union([z.string().max(500_000), z.record(z.string(), z.unknown())]).meta({
    'x-kf-rule': 'Een procesdefinitie die het procesmodel aanvaardt, voor dit proces; anders 400 met elk probleem (processDefinition).',
  }),
});
