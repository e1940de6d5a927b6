import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clockConfigSchema } from './clockConfig.ts';

describe('clockConfigSchema', () => {
  it('fills defaults', () => {
    assert.deepEqual(clockConfigSchema.parse({}), { warnDays: 5, extraHolidays: [] });
  });

  it('accepts a full configuration', () => {
    const c = clockConfigSchema.parse({
      warnDays: 3,
      serviceNorm: { days: 7, unit: 'calendar' },
      firstContactNorm: { days: 5, unit: 'working', warnDays: 1 },
      extraHolidays: ['2026-05-15'],
    });
    assert.equal(c.serviceNorm?.days, 7);
  });

  it('rejects impossible values', () => {
    assert.equal(clockConfigSchema.safeParse({ extraHolidays: ['2026-02-30'] }).success, false);
    assert.equal(clockConfigSchema.safeParse({ serviceNorm: { days: 0, unit: 'calendar' } }).success, false);
    assert.equal(clockConfigSchema.safeParse({ serviceNorm: { days: 7, unit: 'weeks' } }).success, false);
    assert.equal(clockConfigSchema.safeParse({ warnDays: -1 }).success, false);
  });
});
