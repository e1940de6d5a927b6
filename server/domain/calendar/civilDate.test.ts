import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addDays, dayOfWeek, daysBetween, isIsoDate, toCivilDate } from './civilDate.ts';

describe('civil date arithmetic', () => {
  it('adds days across month, leap day and year ends', () => {
    assert.equal(addDays('2026-03-02', 42), '2026-04-13');
    assert.equal(addDays('2024-02-28', 1), '2024-02-29');
    assert.equal(addDays('2025-02-28', 1), '2025-03-01');
    assert.equal(addDays('2026-12-31', 1), '2027-01-01');
    assert.equal(addDays('2026-01-01', -1), '2025-12-31');
    assert.equal(daysBetween('2026-03-02', '2026-04-13'), 42);
  });

  it('knows weekdays', () => {
    assert.equal(dayOfWeek('2026-03-02'), 1); // Monday
    assert.equal(dayOfWeek('2025-04-27'), 0); // Sunday
    assert.equal(dayOfWeek('1970-01-01'), 4); // Thursday
    assert.equal(dayOfWeek('1969-12-31'), 3); // Wednesday, before the epoch
  });

  it('rejects impossible dates', () => {
    assert.equal(isIsoDate('2026-02-29'), false);
    assert.equal(isIsoDate('2024-02-29'), true);
    assert.equal(isIsoDate('2026-13-01'), false);
    assert.equal(isIsoDate('2026-3-1'), false);
    assert.throws(() => addDays('2026-02-30', 1), RangeError);
  });
});

describe('toCivilDate in Europe/Amsterdam', () => {
  it('puts 23:30 UTC on the next Amsterdam day in winter (UTC+1)', () => {
    assert.equal(toCivilDate('2026-03-01T23:30:00Z'), '2026-03-02');
    assert.equal(toCivilDate('2026-03-01T22:59:59Z'), '2026-03-01');
    assert.equal(toCivilDate(new Date('2026-03-01T23:00:00Z')), '2026-03-02');
  });

  it('uses UTC+2 in summer', () => {
    assert.equal(toCivilDate('2026-06-30T21:59:59.999Z'), '2026-06-30');
    assert.equal(toCivilDate('2026-06-30T22:00:00Z'), '2026-07-01');
  });

  it('handles the night DST starts (29 March 2026, 02:00 → 03:00)', () => {
    assert.equal(toCivilDate('2026-03-28T22:59:59Z'), '2026-03-28');
    assert.equal(toCivilDate('2026-03-28T23:30:00Z'), '2026-03-29');
    // After the switch midnight is 22:00 UTC.
    assert.equal(toCivilDate('2026-03-29T21:59:59Z'), '2026-03-29');
    assert.equal(toCivilDate('2026-03-29T22:30:00Z'), '2026-03-30');
  });

  it('handles the night DST ends (25 October 2026, 03:00 → 02:00)', () => {
    assert.equal(toCivilDate('2026-10-24T22:30:00Z'), '2026-10-25');
    // Back on UTC+1: 22:30 UTC is still 23:30 on the 25th.
    assert.equal(toCivilDate('2026-10-25T22:30:00Z'), '2026-10-25');
    assert.equal(toCivilDate('2026-10-25T23:00:00Z'), '2026-10-26');
  });

  it('respects explicit offsets and passes plain dates through', () => {
    assert.equal(toCivilDate('2026-03-02T00:30:00+01:00'), '2026-03-02');
    assert.equal(toCivilDate('2026-03-01T20:00:00-05:00'), '2026-03-02');
    assert.equal(toCivilDate('2026-03-01'), '2026-03-01');
  });

  it('refuses timestamps without a zone and invalid dates', () => {
    assert.throws(() => toCivilDate('2026-03-01T23:30:00'), RangeError);
    assert.throws(() => toCivilDate('1 March 2026'), RangeError);
    assert.throws(() => toCivilDate(new Date('nonsense')), RangeError);
  });
});
