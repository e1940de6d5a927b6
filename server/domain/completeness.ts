/**
 * Awb 9:4 lid 2: a written complaint carries the complainant's name and address, the date, and a
 * description of the conduct. The first line sees which parts are missing before forwarding; a
 * missing part is what an information request asks for.
 */
export type CompletenessInput = {
  complainant: { name: string | null; street: string | null; postcode: string | null; city: string | null };
  receivedAt: Date | null;
  description: string;
};
export const FORMAL_PARTS = ['name', 'address', 'date', 'description'] as const;
export type FormalPart = (typeof FORMAL_PARTS)[number];

export const PART_LABELS: Record<FormalPart, { nl: string; en: string }> = {
  name: { nl: 'naam', en: 'name' },
  address: { nl: 'adres', en: 'address' },
  date: { nl: 'datum', en: 'date' },
  description: { nl: 'omschrijving van de gedraging', en: 'description of the conduct' },
};

export function formalCompleteness(c: CompletenessInput) {
  const present: Record<FormalPart, boolean> = {
    name: !!c.complainant.name?.trim(),
    address: !!(c.complainant.street?.trim() && (c.complainant.postcode?.trim() || c.complainant.city?.trim())),
    date: c.receivedAt !== null,
    description: c.description.trim().length >= 10,
  };
  const missing = FORMAL_PARTS.filter((p) => !present[p]);
  return { complete: missing.length === 0, missing };
}

/** Hints towards Awb 9:8 (AWB-09): a human decides, the system only points. */
export function notHandlingHints(input: { incidentDate?: unknown; receivedAt: Date }) {
  const hints: { code: string; message: { nl: string; en: string } }[] = [];
  if (typeof input.incidentDate === 'string') {
    const incident = new Date(`${input.incidentDate}T00:00:00Z`);
    const yearBefore = new Date(input.receivedAt);
    yearBefore.setUTCFullYear(yearBefore.getUTCFullYear() - 1);
    if (incident < yearBefore) {
      hints.push({
        code: 'olderThanOneYear',
        message: {
          nl: 'De gebeurtenis is meer dan een jaar voor de klacht. Awb 9:8 lid 1 sub b kan van toepassing zijn.',
          en: 'The event is more than a year before the complaint: Awb 9:8(1)(b) may apply.',
        },
      });
    }
  }
  return hints;
}
