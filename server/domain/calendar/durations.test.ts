import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addDuration, startOfDay } from './durations.ts';
import { createBusinessCalendar } from './workingDays.ts';

const cal = createBusinessCalendar({ timeZone: 'Europe/Amsterdam' });

test('Amsterdam midnight in winter and summer time', () => {
  assert.equal(startOfDay('2026-01-15').toISOString(), '2026-01-14T23:00:00.000Z');
  assert.equal(startOfDay('2026-07-15').toISOString(), '2026-07-14T22:00:00.000Z');
  assert.equal(startOfDay('2026-03-29').toISOString(), '2026-03-28T23:00:00.000Z', 'DST starts that night at 02:00');
});

test('periods in hours, days, weeks and working days', () => {
  const monday = new Date('2026-04-20T08:30:00Z'); // 10:30 in Amsterdam
  assert.equal(addDuration(monday, { hours: 5 }, cal).toISOString(), '2026-04-20T13:30:00.000Z');
  assert.equal(addDuration(monday, { days: 14 }, cal).toISOString(), '2026-05-04T08:30:00.000Z');
  assert.equal(addDuration(monday, { weeks: 6 }, cal).toISOString(), '2026-06-01T08:30:00.000Z');
  // 10 working days from Mon 20 April 2026 skip King's Day (Mon 27 April) and Liberation Day (Tue 5 May):
  // 21,22,23,24,28,29,30 Apr, 1,4,6 May → over at the start of Thu 7 May.
  assert.equal(addDuration(monday, { workingDays: 10 }, cal).toISOString(), '2026-05-06T22:00:00.000Z');
});

test('a day period across the switch to winter time keeps the local time', () => {
  const before = new Date('2026-10-20T07:00:00Z'); // 09:00 CEST
  assert.equal(addDuration(before, { days: 14 }, cal).toISOString(), '2026-11-03T08:00:00.000Z'); // 09:00 CET
});
