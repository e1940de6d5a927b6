import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type Clock, type ClockInput, computeClocks, handlingTerm } from './clocks.ts';
import { createBusinessCalendar } from './workingDays.ts';

const cal = createBusinessCalendar({ timeZone: 'Europe/Amsterdam' });
const base = (over: Partial<ClockInput> = {}): ClockInput => ({ receivedAt: '2026-03-02T09:00:00Z', regime: 'awb', warnDays: 5, ...over });

function end(input: ClockInput, c = cal) {
  const r = handlingTerm(input, c);
  assert.ok(r.ok, r.ok ? '' : r.error.code);
  return r.value.steps[r.value.steps.length - 1]!;
}
function errorCode(input: ClockInput, now = new Date('2026-03-03T12:00:00Z')) {
  const r = computeClocks(input, now, cal);
  assert.equal(r.ok, false, 'expected an error');
  return r.ok ? undefined : r.error.code;
}
function clocksAt(input: ClockInput, now: string): Map<string, Clock> {
  const r = computeClocks(input, new Date(now), cal);
  assert.ok(r.ok, r.ok ? '' : r.error.code);
  return new Map(r.value.map((c) => [c.key, c]));
}
const clock = (input: ClockInput, now: string, key: string) => {
  const c = clocksAt(input, now).get(key);
  assert.ok(c, `no clock ${key}`);
  return c;
};

describe('legal-requirements §2.4 vectors', () => {
  it('received Mon 2 Mar 2026: 6 weeks = Mon 13 Apr, 10 weeks = Mon 11 May', () => {
    const six = end(base({ receivedAt: '2026-03-02' }));
    assert.deepEqual([six.rawEnd, six.adjustedEnd, six.adjustmentReason], ['2026-04-13', '2026-04-13', null]);
    assert.equal(six.rule.nl, '6 weken na ontvangst (Awb 9:11 lid 1)');
    assert.equal(end(base({ receivedAt: '2026-03-02', regime: 'awbCommittee' })).adjustedEnd, '2026-05-11');
  });

  it('received Tue 24 Mar 2026: raw Tue 5 May (Bevrijdingsdag) → Wed 6 May', () => {
    const e = end(base({ receivedAt: '2026-03-24' }));
    assert.equal(e.rawEnd, '2026-05-05');
    assert.equal(e.adjustedEnd, '2026-05-06');
    assert.match(e.adjustmentReason?.nl ?? '', /Bevrijdingsdag.*Algemene termijnenwet/);
  });

  it('received Thu 2 Apr 2026: raw Ascension Day → Fri 15 May, or Mon 18 May with a designated Friday', () => {
    assert.equal(end(base({ receivedAt: '2026-04-02' })).rawEnd, '2026-05-14');
    assert.equal(end(base({ receivedAt: '2026-04-02' })).adjustedEnd, '2026-05-15');
    const bridge = createBusinessCalendar({ timeZone: 'Europe/Amsterdam', extraHolidays: ['2026-05-15'] });
    assert.equal(end(base({ receivedAt: '2026-04-02' }), bridge).adjustedEnd, '2026-05-18');
  });

  it('received Fri 13 Nov 2026: raw Christmas Day → Mon 28 Dec', () => {
    const e = end(base({ receivedAt: '2026-11-13' }));
    assert.deepEqual([e.rawEnd, e.adjustedEnd], ['2026-12-25', '2026-12-28']);
  });

  it('AWB-10: not-handling notice for receipt 2 Mar 2026 is due 30 Mar 2026', () => {
    const c = clock(base(), '2026-03-03T12:00:00Z', 'notHandlingNotice');
    assert.equal(c.adjustedEnd, '2026-03-30');
    assert.equal(c.rule.nl, 'Uiterlijk 4 weken na ontvangst (Awb 9:8 lid 3)');
  });
});

describe('receipt date in Amsterdam', () => {
  it('a message at 23:30 UTC on 1 March was received on 2 March', () => {
    const r = handlingTerm(base({ receivedAt: '2026-03-01T23:30:00Z' }), cal);
    assert.ok(r.ok);
    assert.equal(r.value.start, '2026-03-02');
    assert.equal(r.value.steps[0]!.adjustedEnd, '2026-04-13');
  });

  it('one minute earlier it is 1 March: raw end Sunday 12 April → Monday 13 April', () => {
    const e = end(base({ receivedAt: new Date('2026-03-01T22:59:00Z') }));
    assert.equal(e.rawEnd, '2026-04-12');
    assert.equal(e.adjustedEnd, '2026-04-13');
    assert.match(e.adjustmentReason?.nl ?? '', /zondag/);
  });

  it('a term spanning the DST change keeps whole days (received 28 Mar 2026 00:30 CET)', () => {
    assert.equal(end(base({ receivedAt: '2026-03-27T23:30:00Z' })).rawEnd, '2026-05-09');
  });

  it('Good Friday end moves over Easter to Tuesday', () => {
    assert.equal(end(base({ receivedAt: '2026-02-20' })).adjustedEnd, '2026-04-07');
  });
});

describe('Wkkgz and reglement regimes', () => {
  it('Wkkgz: 6 weeks after filing, Atw applied, extension by art. 17 lid 2', () => {
    const e = end(base({ receivedAt: '2026-03-24', regime: 'wkkgz' }));
    assert.equal(e.adjustedEnd, '2026-05-06');
    assert.equal(e.rule.nl, '6 weken na indiening (Wkkgz art. 17 lid 1)');
    const ext = end(base({ receivedAt: '2026-03-24', regime: 'wkkgz', extension: { noticeSentAt: '2026-05-01', weeks: 4 } }));
    assert.match(ext.rule.nl, /Wkkgz art\. 17 lid 2/);
  });

  it('Wkkgz has no 9:8 clock and refuses a 9:8 decision', () => {
    assert.equal(clocksAt(base({ regime: 'wkkgz' }), '2026-03-03T12:00:00Z').has('notHandlingNotice'), false);
    assert.equal(errorCode(base({ regime: 'wkkgz', notHandling: { decidedAt: '2026-03-05' } })), 'not_handling_not_in_regime');
  });

  it('reglement: own weeks, no Atw unless opted in', () => {
    const reglement = { handlingWeeks: 6, maxExtensionWeeks: 0, applyTermijnenwet: false };
    const e = end(base({ receivedAt: '2026-03-24', regime: 'reglement', reglement }));
    assert.deepEqual([e.adjustedEnd, e.adjustmentReason], ['2026-05-05', null]);
    const opted = end(base({ receivedAt: '2026-03-24', regime: 'reglement', reglement: { ...reglement, applyTermijnenwet: true } }));
    assert.equal(opted.adjustedEnd, '2026-05-06');
    assert.equal(
      errorCode(base({ regime: 'reglement', reglement, extension: { noticeSentAt: '2026-03-05', weeks: 1 } })),
      'extension_not_allowed',
    );
    assert.equal(errorCode(base({ regime: 'reglement' })), 'reglement_terms_missing');
  });
});

describe('extension (verdaging, Awb 9:11 lid 2)', () => {
  it('adds the weeks to the unadjusted original end, then applies the Atw', () => {
    // Original raw 5 May → 6 May; chained from raw: 5 May + 28 = 2 June (from the adjusted date it would be 3 June).
    const e = end(base({ receivedAt: '2026-03-24', extension: { noticeSentAt: '2026-05-06T15:00:00Z', weeks: 4 } }));
    assert.equal(e.rawEnd, '2026-06-02');
    assert.equal(e.adjustedEnd, '2026-06-02');
    assert.match(e.rule.nl, /verdaagd met 4 weken \(Awb 9:11 lid 2; mededeling 2026-05-06\)/);
  });

  it('an extended end on Whit Monday moves to Tuesday', () => {
    // Received 16 Mar: raw 27 Apr (King's Day) → 28 Apr; + 4 weeks from raw = 25 May (Whit Monday) → 26 May.
    const e = end(base({ receivedAt: '2026-03-16', extension: { noticeSentAt: '2026-04-20', weeks: 4 } }));
    assert.deepEqual([e.rawEnd, e.adjustedEnd], ['2026-05-25', '2026-05-26']);
  });

  it('accepts a notice on the last day, refuses one after the deadline', () => {
    assert.equal(end(base({ extension: { noticeSentAt: '2026-04-13T21:59:00Z', weeks: 4 } })).adjustedEnd, '2026-05-11');
    // 22:00 UTC on 13 April is already 14 April in Amsterdam (CEST).
    assert.equal(errorCode(base({ extension: { noticeSentAt: '2026-04-13T22:00:00Z', weeks: 4 } })), 'extension_notice_too_late');
    assert.equal(errorCode(base({ extension: { noticeSentAt: '2026-04-20', weeks: 2 } })), 'extension_notice_too_late');
  });

  it('counts "before the deadline" against the Atw-adjusted end', () => {
    // Received 24 Mar: raw end 5 May is a holiday; the term runs to 6 May.
    assert.equal(end(base({ receivedAt: '2026-03-24', extension: { noticeSentAt: '2026-05-06', weeks: 1 } })).adjustedEnd, '2026-05-12');
    assert.equal(
      errorCode(base({ receivedAt: '2026-03-24', extension: { noticeSentAt: '2026-05-07', weeks: 1 } })),
      'extension_notice_too_late',
    );
  });

  it('limits the extension to 1–4 whole weeks', () => {
    for (const weeks of [0, 5, 2.5, -1]) {
      assert.equal(errorCode(base({ extension: { noticeSentAt: '2026-04-01', weeks } })), 'extension_weeks_out_of_range', String(weeks));
    }
  });

  it('refuses a notice before receipt', () => {
    assert.equal(errorCode(base({ extension: { noticeSentAt: '2026-03-01', weeks: 4 } })), 'date_before_receipt');
  });

  it('keeps the original term in the derivation', () => {
    const c = clock(base({ extension: { noticeSentAt: '2026-04-10', weeks: 4 } }), '2026-04-20T10:00:00Z', 'handling');
    assert.equal(c.adjustedEnd, '2026-05-11');
    assert.deepEqual(
      c.previous.map((s) => s.adjustedEnd),
      ['2026-04-13'],
    );
    assert.equal(c.state, 'running');
  });
});

describe('further delay with written consent (Awb 9:11 lid 3)', () => {
  const extension = { noticeSentAt: '2026-04-10', weeks: 4 };

  it('sets the agreed date as the new end, without Atw shift', () => {
    const e = end(base({ extension, consentDelay: { consentAt: '2026-05-08', newEnd: '2026-06-07' } }));
    assert.deepEqual([e.rawEnd, e.adjustedEnd, e.adjustmentReason], ['2026-06-07', '2026-06-07', null]);
    assert.match(e.rule.nl, /schriftelijke instemming van de klager van 2026-05-08 \(Awb 9:11 lid 3\)/);
  });

  it('refuses consent given after the (extended) deadline', () => {
    assert.equal(errorCode(base({ extension, consentDelay: { consentAt: '2026-05-12', newEnd: '2026-06-01' } })), 'consent_after_deadline');
  });

  it('refuses a "delay" that does not move the end', () => {
    assert.equal(errorCode(base({ extension, consentDelay: { consentAt: '2026-05-08', newEnd: '2026-05-11' } })), 'consent_end_not_later');
  });

  it('works without a prior extension, measured against the original end', () => {
    assert.equal(end(base({ consentDelay: { consentAt: '2026-04-13', newEnd: '2026-05-01' } })).adjustedEnd, '2026-05-01');
    assert.equal(errorCode(base({ consentDelay: { consentAt: '2026-04-14', newEnd: '2026-05-01' } })), 'consent_after_deadline');
  });
});

describe('clock states', () => {
  // End 13 April 2026, warnDays 5 → warning from 8 April.
  it('running → warning → overdue, by Amsterdam date', () => {
    assert.equal(clock(base(), '2026-04-07T12:00:00Z', 'handling').state, 'running');
    assert.equal(clock(base(), '2026-04-07T22:30:00Z', 'handling').state, 'warning'); // 00:30 on 8 April
    assert.equal(clock(base(), '2026-04-13T21:59:59Z', 'handling').state, 'warning');
    assert.equal(clock(base(), '2026-04-13T22:00:00Z', 'handling').state, 'overdue');
    assert.equal(clock(base(), '2026-04-07T12:00:00Z', 'handling').warnFrom, '2026-04-08');
  });

  it('stopped on or before the end is met, later is late', () => {
    const met = clock(base({ stoppedAt: '2026-04-13T16:00:00Z' }), '2026-05-01T12:00:00Z', 'handling');
    assert.deepEqual([met.state, met.outcome, met.stoppedOn], ['stopped', 'met', '2026-04-13']);
    assert.equal(clock(base({ stoppedAt: '2026-04-14' }), '2026-05-01T12:00:00Z', 'handling').outcome, 'late');
  });

  it('warnFrom never precedes the start', () => {
    assert.equal(clock(base({ warnDays: 60 }), '2026-03-02T12:00:00Z', 'handling').warnFrom, '2026-03-02');
  });

  it('refuses a stop before receipt', () => {
    assert.equal(errorCode(base({ stoppedAt: '2026-02-27' })), 'date_before_receipt');
  });
});

describe('not-handling window (Awb 9:8 lid 3)', () => {
  const key = 'notHandlingNotice';
  it('without a decision it runs without warnings and closes unused', () => {
    assert.equal(clock(base(), '2026-03-28T12:00:00Z', key).state, 'running');
    const after = clock(base(), '2026-03-31T12:00:00Z', key);
    assert.deepEqual([after.state, after.outcome], ['stopped', 'notUsed']);
  });

  it('once decided, it is a real deadline', () => {
    const decided = base({ notHandling: { decidedAt: '2026-03-20' } });
    assert.equal(clock(decided, '2026-03-27T12:00:00Z', key).state, 'warning');
    assert.equal(clock(decided, '2026-03-31T12:00:00Z', key).state, 'overdue');
    const sent = clock(base({ notHandling: { decidedAt: '2026-03-20', noticeSentAt: '2026-03-30' } }), '2026-04-02T12:00:00Z', key);
    assert.deepEqual([sent.state, sent.outcome], ['stopped', 'met']);
    assert.equal(clock(base({ notHandling: { noticeSentAt: '2026-03-31' } }), '2026-04-02T12:00:00Z', key).outcome, 'late');
  });

  it('a case closed by the decision not to handle keeps the notice due until it is sent', () => {
    const closed = base({ stoppedAt: '2026-03-20', notHandling: { decidedAt: '2026-03-20' } });
    assert.equal(clock(closed, '2026-03-27T12:00:00Z', key).state, 'warning');
    assert.equal(clock(closed, '2026-04-02T12:00:00Z', key).state, 'overdue');
    const sent = clock(
      base({ stoppedAt: '2026-03-20', notHandling: { decidedAt: '2026-03-20', noticeSentAt: '2026-03-24' } }),
      '2026-04-02T12:00:00Z',
      key,
    );
    assert.deepEqual([sent.state, sent.outcome], ['stopped', 'met']);
  });

  it('a case closed normally leaves the option unused', () => {
    assert.equal(clock(base({ stoppedAt: '2026-03-20' }), '2026-04-02T12:00:00Z', key).outcome, 'notUsed');
  });
});

describe('own norms', () => {
  it('service norm of 7 calendar days (seed 001 §5)', () => {
    const input = base({ serviceNorm: { days: 7, unit: 'calendar', warnDays: 2 } });
    const c = clock(input, '2026-03-06T12:00:00Z', 'serviceNorm');
    assert.deepEqual([c.adjustedEnd, c.warnFrom, c.state], ['2026-03-09', '2026-03-07', 'running']);
    assert.equal(c.rule.nl, '7 kalenderdagen na ontvangst (servicenorm doorlooptijd organisatie)');
    assert.equal(clock(input, '2026-03-10T12:00:00Z', 'serviceNorm').state, 'overdue');
    assert.equal(clock({ ...input, stoppedAt: '2026-03-10' }, '2026-03-12T12:00:00Z', 'serviceNorm').outcome, 'late');
  });

  it('a calendar-day norm is not moved off a weekend', () => {
    const c = clock(base({ receivedAt: '2026-03-04', serviceNorm: { days: 4, unit: 'calendar' } }), '2026-03-05T12:00:00Z', 'serviceNorm');
    assert.deepEqual([c.adjustedEnd, c.adjustmentReason], ['2026-03-08', null]);
  });

  it('first contact within 5 working days, stopped by the call', () => {
    const norm = { days: 5, unit: 'working' as const, warnDays: 1 };
    const input = base({ receivedAt: '2026-04-24T10:00:00Z', firstContactNorm: norm });
    const c = clock(input, '2026-04-30T12:00:00Z', 'firstContact');
    assert.deepEqual([c.adjustedEnd, c.warnFrom, c.state], ['2026-05-04', '2026-05-03', 'running']);
    assert.equal(clock(input, '2026-05-05T12:00:00Z', 'firstContact').state, 'overdue');
    const called = clock({ ...input, firstContactAt: '2026-04-28T08:00:00Z' }, '2026-05-05T12:00:00Z', 'firstContact');
    assert.deepEqual([called.state, called.outcome], ['stopped', 'met']);
  });

  it('norms only appear when configured', () => {
    assert.deepEqual([...clocksAt(base(), '2026-03-03T12:00:00Z').keys()], ['handling', 'notHandlingNotice']);
  });
});
