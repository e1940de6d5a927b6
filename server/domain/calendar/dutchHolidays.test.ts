import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dutchHolidays, easterSunday, kingsDay, parseExtraHolidays, statutoryHolidays } from './dutchHolidays.ts';

describe('easterSunday (anonymous Gregorian algorithm)', () => {
  const known: Array<[number, string]> = [
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2028, '2028-04-16'],
    [2029, '2029-04-01'],
    [2030, '2030-04-21'],
    [2038, '2038-04-25'], // latest possible date
    [2285, '2285-03-22'], // earliest possible date
  ];
  for (const [year, date] of known) it(`${year} → ${date}`, () => assert.equal(easterSunday(year), date));
});

describe("King's Day", () => {
  it('is 27 April unless that is a Sunday', () => {
    assert.equal(kingsDay(2026), '2026-04-27');
    assert.equal(kingsDay(2025), '2025-04-26'); // 27 April 2025 is a Sunday
    assert.equal(kingsDay(2014), '2014-04-26');
    assert.equal(kingsDay(2031), '2031-04-26');
    assert.equal(kingsDay(2030), '2030-04-27'); // a Saturday stays
  });
});

describe('statutoryHolidays', () => {
  it('lists the Atw days for 2026', () => {
    assert.deepEqual(
      statutoryHolidays(2026).map((h) => `${h.date} ${h.key}`),
      [
        '2026-01-01 newYearsDay',
        '2026-04-03 goodFriday',
        '2026-04-06 easterMonday',
        '2026-04-27 kingsDay',
        '2026-05-05 liberationDay',
        '2026-05-14 ascensionDay',
        '2026-05-25 whitMonday',
        '2026-12-25 christmasDay',
        '2026-12-26 boxingDay',
      ],
    );
  });

  it('lists the Atw days for 2025', () => {
    const dates = statutoryHolidays(2025).map((h) => h.date);
    assert.deepEqual(dates, [
      '2025-01-01',
      '2025-04-18',
      '2025-04-21',
      '2025-04-26',
      '2025-05-05',
      '2025-05-29',
      '2025-06-09',
      '2025-12-25',
      '2025-12-26',
    ]);
  });

  it('has 5 May in a non-lustrum year and Good Friday with its source', () => {
    const h2027 = statutoryHolidays(2027);
    assert.ok(h2027.some((h) => h.date === '2027-05-05' && h.key === 'liberationDay'));
    const gf = h2027.find((h) => h.key === 'goodFriday');
    assert.equal(gf?.date, '2027-03-26');
    assert.match(gf?.source ?? '', /art\. 3 lid 2/);
  });

  it('keeps both names when Ascension falls on 5 May (2016)', () => {
    const onMay5 = statutoryHolidays(2016)
      .filter((h) => h.date === '2016-05-05')
      .map((h) => h.key);
    assert.deepEqual(onMay5.sort(), ['ascensionDay', 'liberationDay']);
  });

  it("refuses years before the current King's Day rule", () => {
    assert.throws(() => statutoryHolidays(2013), RangeError);
    assert.throws(() => statutoryHolidays(2026.5), RangeError);
  });
});

describe('extra (designated) holidays', () => {
  it('adds configured days of that year only, sorted', () => {
    const list = dutchHolidays(2026, ['2027-05-07', '2026-05-15']);
    const designated = list.filter((h) => h.key === 'designated').map((h) => h.date);
    assert.deepEqual(designated, ['2026-05-15']);
    assert.equal(list.length, 10);
    assert.deepEqual(
      list.map((h) => h.date),
      [...list.map((h) => h.date)].sort(),
    );
  });

  it('rejects malformed configuration, naming the entry', () => {
    assert.throws(() => parseExtraHolidays(['2026-05-15', '2026-02-30']), /extraHolidays\[1\]/);
    assert.throws(() => parseExtraHolidays(['15-05-2026']), RangeError);
    assert.deepEqual(parseExtraHolidays(['2026-05-15', '2026-05-15']), ['2026-05-15']);
  });
});
