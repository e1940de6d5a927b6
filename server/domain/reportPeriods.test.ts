import assert from 'node:assert/strict';
import { test } from 'node:test';
import { periodWords } from '../mail/reportMail.ts';
import { lastCompletePeriod, nextRunAfter, periodStart } from './reportPeriods.ts';

test('a week runs Monday to Sunday; a mail covers the last complete week and the next is due next Monday', () => {
  assert.equal(periodStart('weekly', '2026-04-06'), '2026-04-06'); // a Monday
  assert.equal(periodStart('weekly', '2026-04-05'), '2026-03-30'); // a Sunday
  assert.deepEqual(lastCompletePeriod('weekly', '2026-04-08'), { from: '2026-03-30', to: '2026-04-06' });
  assert.equal(nextRunAfter('weekly', '2026-04-08'), '2026-04-13');
  assert.equal(nextRunAfter('weekly', '2026-04-06'), '2026-04-13');
  // Across a year's end.
  assert.deepEqual(lastCompletePeriod('weekly', '2027-01-01'), { from: '2026-12-21', to: '2026-12-28' });
});

test('a month and a quarter as on the calendar, across the year', () => {
  assert.deepEqual(lastCompletePeriod('monthly', '2026-04-01'), { from: '2026-03-01', to: '2026-04-01' });
  assert.deepEqual(lastCompletePeriod('monthly', '2026-01-15'), { from: '2025-12-01', to: '2026-01-01' });
  assert.equal(nextRunAfter('monthly', '2026-12-31'), '2027-01-01');
  assert.deepEqual(lastCompletePeriod('quarterly', '2026-05-20'), { from: '2026-01-01', to: '2026-04-01' });
  assert.deepEqual(lastCompletePeriod('quarterly', '2026-01-01'), { from: '2025-10-01', to: '2026-01-01' });
  assert.equal(nextRunAfter('quarterly', '2026-03-15'), '2026-04-01');
  assert.equal(nextRunAfter('quarterly', '2026-11-30'), '2027-01-01');
});

test('the period in words, Dutch and English, with the ISO week number', () => {
  assert.equal(periodWords('monthly', { from: '2026-03-01', to: '2026-04-01' }, 'nl'), 'maart 2026');
  assert.equal(periodWords('monthly', { from: '2026-03-01', to: '2026-04-01' }, 'en'), 'March 2026');
  assert.equal(periodWords('quarterly', { from: '2026-07-01', to: '2026-10-01' }, 'nl'), '3e kwartaal 2026');
  assert.equal(periodWords('quarterly', { from: '2026-07-01', to: '2026-10-01' }, 'en'), 'Q3 2026');
  assert.equal(periodWords('weekly', { from: '2026-03-30', to: '2026-04-06' }, 'nl'), 'week 14 (30 maart 2026 t/m 5 april 2026)');
  // 29 December 2025 starts week 1 of 2026 (its Thursday is 1 January).
  assert.equal(periodWords('weekly', { from: '2025-12-29', to: '2026-01-05' }, 'en'), 'week 1 (29 December 2025 to 4 January 2026)');
});
