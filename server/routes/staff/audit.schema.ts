import { z } from 'zod';
import { civilDate } from '../dateRange.ts';

/**
 * The privacy officer's search in the audit log. A POST body, not a query string: an e-mail address
 * or a case reference is personal data and stays out of URLs (and so out of access logs).
 */
export const auditSearchBody = z
  .object({
    /** A person by id (as a data subject's request names them) or by their exact e-mail address. */
    personId: z.uuid('Geen geldige persoons-id.').optional(),
    personEmail: z.email('Geen geldig e-mailadres.').max(254).optional(),
    caseReference: z.string().trim().min(1).max(50).optional(),
    userId: z.uuid('Kies een medewerker uit de lijst.').optional(),
    from: civilDate().optional(),
    to: civilDate().optional(),
    /** The last entry's number of the previous page (keyset: newest first). */
    cursor: z
      .string()
      .regex(/^[1-9]\d{0,17}$/, 'Ongeldige paginaverwijzing.')
      .optional(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .refine((b) => !b.from || !b.to || b.to >= b.from, { path: ['to'], message: 'De einddatum ligt voor de begindatum.' });
export type AuditSearchBody = z.output<typeof auditSearchBody>;
