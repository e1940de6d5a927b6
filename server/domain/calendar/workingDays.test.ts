import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addDays } from './civilDate.ts';
import { createBusinessCalendar } from './workingDays.ts';

const cal = createBusinessCalendar({ timeZone: 'Europe/Amsterdam' });

describe('isWorkingDay', () => {
  it('excludes weekends and Atw holidays', () => {
    assert.equal(cal.isWorkingDay('2026-03-02'), true); // Monday
    assert.equal(cal.isWorkingDay('2026-03-07'), false); // Saturday
    assert.equal(cal.isWorkingDay('2026-03-08'), false); // Sunday
    assert.equal(cal.isWorkingDay('2026-04-03'), false); // Good Friday
    assert.equal(cal.isWorkingDay('2026-05-05'), false); // Liberation Day, Tuesday
    assert.equal(cal.isWorkingDay('2026-05-15'), true); // Friday after Ascension, not designated
  });

  it('judges instants by the Amsterdam date', () => {
    // Friday 23:30 UTC is Saturday 00:30 in Amsterdam.
    assert.equal(cal.isWorkingDay(new Date('2026-03-06T23:30:00Z')), false);
    assert.equal(cal.isWorkingDay(new Date('2026-03-06T22:59:00Z')), true);
    // New Year's Eve 23:30 UTC is New Year's Day in Amsterdam.
    assert.equal(cal.isWorkingDay('2026-12-31T23:30:00Z'), false);
    assert.equal(cal.holidayOn('2026-12-31T23:30:00Z')?.key, 'newYearsDay');
  });

  it('honours configured extra days', () => {
    const withBridge = createBusinessCalendar({ timeZone: 'Europe/Amsterdam', extraHolidays: ['2026-05-15'] });
    assert.equal(withBridge.isWorkingDay('2026-05-15'), false);
    assert.equal(withBridge.holidayOn('2026-05-15')?.key, 'designated');
  });
});

describe('nextWorkingDay and addWorkingDays', () => {
  it('nextWorkingDay is strictly after the date', () => {
    assert.equal(cal.nextWorkingDay('2026-04-30'), '2026-05-01');
    assert.equal(cal.nextWorkingDay('2026-05-01'), '2026-05-04');
    assert.equal(cal.nextWorkingDay('2026-05-04'), '2026-05-06'); // skips 5 May
    assert.equal(cal.nextWorkingDay('2026-04-02'), '2026-04-07'); // Good Friday, weekend, Easter Monday
  });

  it('counts working days from the day after', () => {
    assert.equal(cal.addWorkingDays('2026-03-06', 1), '2026-03-09'); // Fri + 1 = Mon
    assert.equal(cal.addWorkingDays('2026-03-02', 5), '2026-03-09');
    // Fri 24 Apr 2026 + 5: Mon 27 is King's Day → 28, 29, 30 Apr, 1 and 4 May.
    assert.equal(cal.addWorkingDays('2026-04-24', 5), '2026-05-04');
    assert.equal(cal.addWorkingDays('2026-03-07', 1), '2026-03-09'); // from a Saturday
    assert.equal(cal.addWorkingDays('2026-03-07', 0), '2026-03-07');
    assert.equal(cal.addWorkingDays('2026-04-07', -1), '2026-04-02');
    assert.throws(() => cal.addWorkingDays('2026-03-02', 1.5), RangeError);
  });

  it('crosses year ends', () => {
    assert.equal(cal.addWorkingDays('2026-12-24', 1), '2026-12-28');
    assert.equal(cal.nextWorkingDay('2028-12-29'), '2029-01-02'); // Sat, Sun, New Year's Day
  });
});

describe('adjustTermEnd (Algemene termijnenwet art. 1)', () => {
  it('leaves a working day alone', () => {
    assert.deepEqual(cal.adjustTermEnd('2026-04-13'), { rawEnd: '2026-04-13', adjustedEnd: '2026-04-13', adjustmentReason: null });
  });

  it('moves a Sunday to Monday and says why', () => {
    const r = cal.adjustTermEnd('2026-04-12');
    assert.equal(r.adjustedEnd, '2026-04-13');
    assert.equal(r.adjustmentReason?.nl, 'Eindigt op zondag; verschoven naar de eerstvolgende werkdag (Algemene termijnenwet art. 1)');
    assert.equal(r.adjustmentReason?.en, 'Ends on a Sunday; moved to the next working day (Algemene termijnenwet s. 1)');
  });

  it('moves a Saturday over Sunday', () => {
    assert.equal(cal.adjustTermEnd('2026-04-18').adjustedEnd, '2026-04-20');
  });

  it('names the holiday', () => {
    const r = cal.adjustTermEnd('2026-05-05');
    assert.equal(r.adjustedEnd, '2026-05-06');
    assert.match(r.adjustmentReason?.nl ?? '', /^Eindigt op Bevrijdingsdag/);
    // King's Day 2025 is a Saturday; the holiday name wins over the weekday.
    assert.match(cal.adjustTermEnd('2025-04-26').adjustmentReason?.nl ?? '', /Koningsdag/);
    assert.equal(cal.adjustTermEnd('2025-04-26').adjustedEnd, '2025-04-28');
  });

  it('chains over Good Friday, the weekend and Easter Monday', () => {
    assert.equal(cal.adjustTermEnd('2026-04-03').adjustedEnd, '2026-04-07');
    assert.equal(cal.adjustTermEnd('2030-04-19').adjustedEnd, '2030-04-23'); // Good Friday 2030
  });

  it('over Whit Monday and Christmas', () => {
    assert.equal(cal.adjustTermEnd('2026-05-23').adjustedEnd, '2026-05-26');
    assert.equal(cal.adjustTermEnd('2026-12-25').adjustedEnd, '2026-12-28');
  });

  it('every adjusted end is a working day and never earlier (2026–2027 sweep)', () => {
    for (let d = '2026-01-01'; d < '2028-01-01'; d = addDays(d, 1)) {
      const { adjustedEnd, adjustmentReason } = cal.adjustTermEnd(d);
      assert.ok(cal.isWorkingDay(adjustedEnd), d);
      assert.ok(adjustedEnd >= d, d);
      assert.equal(adjustmentReason === null, adjustedEnd === d, d);
    }
  });
});

describe('createBusinessCalendar', () => {
  it('only accepts Europe/Amsterdam', () => {
    assert.throws(() => createBusinessCalendar({ timeZone: 'UTC' as 'Europe/Amsterdam' }), RangeError);
  });

  it('rejects bad extra days at creation, not on first use', () => {
    assert.throws(() => createBusinessCalendar({ timeZone: 'Europe/Amsterdam', extraHolidays: ['2026-02-30'] }), RangeError);
  });
});
