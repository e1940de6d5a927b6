import { z } from 'zod';

/**
 * Dates and moments a register can hold. The ISO form alone lets year 0 through ("0000-01-01"),
 * which PostgreSQL cannot store or compare with (a 500); and no complaint is from before 1900.
 */
const RANGE = 'Kies een datum tussen 1900 en 9999.';
const inRange = (v: string) => Number(v.slice(0, 4)) >= 1900;
/** The year rule in the OpenAPI document (a field with a rule of its own states both). */
const RANGE_RULE = 'Een jaar van 1900 of later; een eerder geeft 400.';

/** A moment with its offset, e.g. 2026-03-02T09:00:00+01:00. */
export const instant = () => z.iso.datetime({ offset: true }).refine(inRange, RANGE).meta({ 'x-kf-rule': RANGE_RULE });
/** A civil day, e.g. 2026-03-02. */
export const civilDate = () => z.iso.date().refine(inRange, RANGE).meta({ 'x-kf-rule': RANGE_RULE });
