import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formalCompleteness, notHandlingHints } from './completeness.ts';

const full = {
  complainant: { name: 'Jan', street: 'Dorpsstraat 1', postcode: '1234 AB', city: 'Dorp' },
  receivedAt: new Date('2026-03-02'),
  description: 'De medewerker was onbeleefd.',
};

test('Awb 9:4 parts: all present, or the missing ones named', () => {
  assert.deepEqual(formalCompleteness(full), { complete: true, missing: [] });
  assert.deepEqual(formalCompleteness({ ...full, complainant: { ...full.complainant, street: null }, description: 'kort' }), {
    complete: false,
    missing: ['address', 'description'],
  });
});

test('an event more than a year before receipt hints at Awb 9:8 lid 1 sub b', () => {
  assert.deepEqual(
    notHandlingHints({ incidentDate: '2025-01-10', receivedAt: new Date('2026-03-02') }).map((h) => h.code),
    ['olderThanOneYear'],
  );
  assert.deepEqual(notHandlingHints({ incidentDate: '2025-06-10', receivedAt: new Date('2026-03-02') }), []);
  assert.deepEqual(notHandlingHints({ receivedAt: new Date('2026-03-02') }), []);
});
