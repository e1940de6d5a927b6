import { z } from 'zod';
import { MEASURE_SOURCES } from '../../db/measureSchema.ts';
import { MEASURE_VIEWS } from '../../queries/measures.ts';

/** Request schemas of the improvement-measure routes; messages in the words of the form. */
const isoDate = (message: string) => z.iso.date({ error: message });

export const measureListQuery = z.object({
  view: z.enum(MEASURE_VIEWS).default('open'),
  mine: z.enum(['true', 'false']).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

export const recordMeasureBody = z.object({
  description: z.string().trim().min(1, 'Beschrijf de maatregel.').max(4000),
  ownerId: z.uuid({ error: 'Kies een eigenaar uit de lijst met medewerkers.' }),
  dueDate: isoDate('Vul een datum in, bijvoorbeeld 2026-06-30.'),
  source: z.enum(MEASURE_SOURCES, { error: 'Kies waar de maatregel is besloten.' }).default('complaint'),
  caseIds: z
    .array(z.uuid({ error: 'Kies een klacht uit de lijst.' }))
    .max(200)
    .default([]),
  finding: z.string().trim().max(2000).nullish(),
  ground: z.string().trim().max(100).nullish(),
});

export const carriedOutBody = z.object({
  carriedOutOn: isoDate('Vul de datum van uitvoering in, bijvoorbeeld 2026-06-30.'),
  note: z.string().trim().max(4000).nullish(),
});

export const linkCaseBody = z.object({ caseId: z.uuid('Kies een klacht.') });

export const checkMeasureBody = z.object({
  method: z.string().trim().min(1, 'Schrijf op hoe u het heeft gecontroleerd.').max(4000),
  conclusion: z.string().trim().min(1, 'Schrijf uw conclusie op.').max(4000),
  effective: z.boolean({ error: 'Kies of de maatregel werkt.' }),
  newDueDate: isoDate('Vul een nieuwe datum in, bijvoorbeeld 2026-06-30.')
    .nullish()
    .meta({ 'x-kf-rule': 'Verplicht als effective false is, en na vandaag; anders 400.' }),
});

export const editMeasureBody = z
  .object({
    description: z.string().trim().min(1, 'Beschrijf de maatregel.').max(4000).optional(),
    dueDate: isoDate('Vul een datum in, bijvoorbeeld 2026-06-30.').optional(),
  })
  .refine((b) => b.description !== undefined || b.dueDate !== undefined, {
    message: 'Wijzig de beschrijving of de datum.',
    path: ['description'],
  })
  // The same in the document: at least one of the two.
  .meta({
    anyOf: [
      { required: ['description'], properties: { description: { type: 'string' } } },
      { required: ['dueDate'], properties: { dueDate: { type: 'string', format: 'date' } } },
    ],
  });
