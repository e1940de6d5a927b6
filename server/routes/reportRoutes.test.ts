import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { createReport } from '../analysis/reports/reports.ts';
import type { StaffActor } from '../commands/context.ts';
import type { AppError } from '../domain/errors.ts';
import { checkReadability } from '../domain/readability/checkText.ts';
import { buildStaff, createTestApp, loginHeaders } from '../test/harness.ts';

/**
 * Issue 12 points 3 and 4 over HTTP: a periodic analysis and the annual complaints report (Awb 9:12a)
 * made for a period, the analyst's text saved, finalised and then kept unchanged, PDF and HTML, the
 * comparison; the annual report anonymised (no names, small counts as "< 5"), plain Dutch and tagged.
 */
describe('analysis reports over HTTP', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  const h: Record<string, Record<string, string>> = {};
  const who: Record<string, StaffActor> = {};
  before(async () => {
    t = await createTestApp();
    who.quality = await buildStaff(t.services, { roles: ['qualityOfficer'], teams: ['coordinators'], name: 'Quinta Kwaliteit' });
    who.agent = await buildStaff(t.services, { roles: ['firstLineAgent'], teams: ['kcc'] });
    who.lead = await buildStaff(t.services, { roles: ['teamLead'], teams: ['kcc'] });
    who.officer = await buildStaff(t.services, { roles: ['complaintsOfficer'] });
    await at('2026-03-02T09:00:00Z');
    // 2026: 9 about conduct (founded, 2 breach a norm, 1 went to the ombudsman), 3 about communication
    // (unfounded), each received in the first half and closed in it; 2025: 6 about conduct.
    const plan = [
      ...Array.from({ length: 9 }, (_, i) => ({ ground: 'conduct', judgment: 'founded', year: 2026, i })),
      ...Array.from({ length: 3 }, (_, i) => ({ ground: 'communication', judgment: 'unfounded', year: 2026, i })),
      ...Array.from({ length: 6 }, (_, i) => ({ ground: 'conduct', judgment: 'partlyFounded', year: 2025, i })),
    ];
    let n = 0;
    const ids: string[] = [];
    for (const p of plan) {
      n++;
      const c = await call(
        'POST',
        '/api/v1/cases',
        'agent',
        {
          subject: 'Niet teruggebeld',
          description: 'Twee keer beloofd.',
          channel: 'phone',
          complainant: { name: n % 2 ? 'Pieter Jansen' : 'Anna Jansen' },
        },
        201,
      );
      const month = String(1 + (p.i % 5)).padStart(2, '0');
      const facts = {
        ground: p.ground,
        judgment: p.judgment,
        outcome: 'judged',
        handledOnTime: p.i !== 0,
        ...(p.ground === 'conduct' && p.i < 2 ? { normsBreached: ['timely', 'goodInformation'] } : {}),
        ...(p.ground === 'conduct' && p.i === 3 && p.year === 2026 ? { externalBody: 'ombudsman' } : {}),
      };
      ids.push(c.body.id);
      await sql`update cases set received_at = ${`${p.year}-${month}-03T09:00:00Z`}::timestamptz,
        closed_at = ${`${p.year}-${month}-20T09:00:00Z`}::timestamptz,
        handling_deadline = ${`${p.year}-${month}-28`}::date,
        facts = facts || ${JSON.stringify(facts)}::jsonb where id = ${c.body.id}`.execute(t.services.db);
    }
    // A measure on the first complaint, its description naming the complainant: carried out and found effective.
    const m = await call(
      'POST',
      '/api/v1/measures',
      'quality',
      {
        description: 'Terugbellen binnen twee dagen, na de klacht van Pieter Jansen',
        ownerId: who.quality!.id,
        dueDate: '2026-04-01',
        caseIds: [ids[0]],
        ground: 'conduct',
      },
      201,
    );
    await call('POST', `/api/v1/measures/${m.body.measure.id}/carried-out`, 'quality', { carriedOutOn: '2026-03-02' });
    await call('POST', `/api/v1/measures/${m.body.measure.id}/check`, 'quality', {
      method: 'Steekproef',
      conclusion: 'Het werkt.',
      effective: true,
    });
    await at('2027-01-12T09:00:00Z');
  });
  const at = async (iso: string) => {
    t.clock.set(iso);
    for (const [k, a] of Object.entries(who)) h[k] = await loginHeaders(t.services, a);
  };
  after(() => t.close());
  const call = async (method: 'GET' | 'POST' | 'PATCH', url: string, as: string, payload?: object, expect = 200) => {
    const res = await t.app.inject({ method, url, headers: h[as], ...(payload ? { payload } : {}) });
    assert.equal(res.statusCode, expect, `${method} ${url}: ${res.body}`);
    return {
      body: String(res.headers['content-type']).includes('json') ? res.json() : null,
      raw: res.rawPayload,
      type: String(res.headers['content-type']),
    };
  };
  const pdfText = (pdf: Buffer) => execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString('utf8');

  test('a periodic analysis: made for a period, conclusions saved, finalised and kept unchanged, compared with another period', async () => {
    const made = (await call('POST', '/api/v1/reports', 'quality', { kind: 'periodic', from: '2026-01-01', to: '2026-06-30' }, 201)).body;
    assert.equal(made.state, 'draft');
    assert.equal(made.scope, 'all');
    assert.equal(made.title, 'Klachtenanalyse 1 januari 2026 tot en met 30 juni 2026');
    const summary = made.document.sections[0];
    assert.equal(summary.heading, 'Samenvatting');
    assert.match(summary.blocks[0].text, /kwamen 12 klachten binnen/);
    const id = made.id as string;
    const measures = made.document.sections.find((s: { heading: string }) => s.heading === 'Verbetermaatregelen');
    const row = measures.blocks.find((b: { type: string }) => b.type === 'table').rows[0];
    assert.equal(row.head, 'Terugbellen binnen twee dagen, na de klacht van Pieter Jansen');
    assert.match(row.cells.join(' '), /Werkt \(gecontroleerd op 2 maart 2026\)/);

    // Only report:manage writes; bad input names the field; the text is saved with the report.
    await call('PATCH', `/api/v1/reports/${id}`, 'lead', { conclusions: 'x' }, 403);
    const none = await call('PATCH', `/api/v1/reports/${id}`, 'quality', {}, 400);
    assert.equal(none.body.invalidParams[0].name, 'body.conclusions');
    const saved = (
      await call('PATCH', `/api/v1/reports/${id}`, 'quality', {
        conclusions: 'Klagers voelen zich vaak niet gehoord.',
        recommendations: 'Bel elke klager binnen twee dagen terug.',
      })
    ).body;
    assert.equal(saved.conclusions, 'Klagers voelen zich vaak niet gehoord.');
    const again = (await call('GET', `/api/v1/reports/${id}`, 'quality')).body;
    const conclusions = again.document.sections.find((s: { heading: string }) => s.heading === 'Conclusies');
    assert.equal(conclusions.blocks[0].text, 'Klagers voelen zich vaak niet gehoord.');

    // The draft renders on request; the figures stay as they were when the report was made.
    await sql`update cases set facts = facts || '{"ground":"substance"}'::jsonb where facts->>'ground' = 'communication'`.execute(
      t.services.db,
    );
    const draftHtml = (await call('GET', `/api/v1/reports/${id}/html`, 'quality')).raw.toString('utf8');
    assert.match(draftHtml, /<th scope="row">Communicatie<\/th><td class="n">3<\/td>/);
    await sql`update cases set facts = facts || '{"ground":"communication"}'::jsonb where facts->>'ground' = 'substance'`.execute(
      t.services.db,
    );

    const final = (await call('POST', `/api/v1/reports/${id}/finalise`, 'quality')).body;
    assert.equal(final.state, 'final');
    assert.equal(final.finalisedByName, 'Quinta Kwaliteit');
    const pdf1 = (await call('GET', `/api/v1/reports/${id}/pdf`, 'quality')).raw;
    if (process.env.KF_REPORT_PNG) fs.writeFileSync(path.join(process.env.KF_REPORT_PNG, 'periodic.pdf'), pdf1);
    assert.match(pdfText(pdf1), /Klagers voelen zich vaak niet gehoord\./);
    // Kept: no edit, no second finalise, and the database itself refuses a change.
    await call('PATCH', `/api/v1/reports/${id}`, 'quality', { conclusions: 'Anders' }, 409);
    await call('POST', `/api/v1/reports/${id}/finalise`, 'quality', undefined, 409);
    await assert.rejects(sql`update analysis_report set conclusions = 'Anders' where id = ${id}`.execute(t.services.db), /final/);
    await assert.rejects(sql`delete from analysis_report where id = ${id}`.execute(t.services.db), /final/);
    await at('2027-02-12T09:00:00Z');
    const pdf2 = (await call('GET', `/api/v1/reports/${id}/pdf`, 'quality')).raw;
    assert.ok(pdf1.equals(pdf2), 'the stored PDF is served byte for byte');

    // Another period, compared: the figures side by side with the difference.
    const other = (await call('POST', '/api/v1/reports', 'quality', { kind: 'periodic', from: '2025-01-01', to: '2025-06-30' }, 201)).body;
    const cmp = (await call('GET', `/api/v1/reports/${id}/compare?with=${other.id}`, 'quality')).body;
    const received = cmp.rows.find((r: { key: string }) => r.key === 'complaintsReceived');
    assert.deepEqual([received.value, received.other, received.difference], ['12', '6', 6]);
    const bad = await call('GET', `/api/v1/reports/${id}/compare?with=nope`, 'quality', undefined, 400);
    assert.equal(bad.body.invalidParams[0].name, 'querystring.with');

    const list = (await call('GET', '/api/v1/reports', 'officer')).body;
    assert.deepEqual(
      list.items.map((r: { id: string }) => r.id),
      [other.id, id],
    );
  });

  test('a report is scoped to its maker: a team lead reads only their own, the annual report needs every case', async () => {
    await at('2027-01-12T10:00:00Z');
    await call('POST', '/api/v1/reports', 'lead', { kind: 'periodic', from: '2026-01-01', to: '2026-12-31' }, 403);
    // Every role with report:manage reads every case today; one that did not would be refused the annual report.
    const narrow = { ...who.lead!, permissions: new Set([...who.lead!.permissions, 'report:manage']) };
    await assert.rejects(createReport(t.services, narrow, { kind: 'annual', from: '2026-01-01', to: '2026-12-31' }), (e: AppError) => {
      assert.equal(e.code, 'forbidden');
      assert.match(e.detail, /alle klachten/);
      return true;
    });
    const own = await createReport(t.services, narrow, { kind: 'periodic', from: '2026-01-01', to: '2026-12-31' });
    const ownReport = (await call('GET', `/api/v1/reports/${own.id}`, 'lead')).body;
    assert.equal(ownReport.scope, 'own');
    assert.match(ownReport.document.sections[0].blocks[0].text, /kwamen 0 klachten binnen/, 'only the cases the lead may read');
    await call('GET', '/api/v1/reports', 'agent', undefined, 403);
    const all = (await call('GET', '/api/v1/reports', 'lead')).body;
    assert.deepEqual(
      all.items.map((r: { id: string }) => r.id),
      [own.id],
    );
    const mine = (await call('GET', '/api/v1/reports', 'quality')).body.items[0];
    await call('GET', `/api/v1/reports/${mine.id}`, 'lead', undefined, 404);
    const tooLong = await call('POST', '/api/v1/reports', 'quality', { kind: 'annual', from: '2026-01-01', to: '2027-06-30' }, 400);
    assert.equal(tooLong.body.invalidParams[0].name, 'body.to');
    const backwards = await call('POST', '/api/v1/reports', 'quality', { kind: 'periodic', from: '2026-06-01', to: '2026-01-01' }, 400);
    assert.equal(backwards.body.invalidParams[0].name, 'body.to');
  });

  test('the annual complaints report: anonymised (no names, small counts "< 5"), plain Dutch, a tagged PDF', async (tc) => {
    await at('2027-01-12T11:00:00Z');
    const made = (await call('POST', '/api/v1/reports', 'quality', { kind: 'annual', from: '2026-01-01', to: '2026-12-31' }, 201)).body;
    assert.equal(made.title, 'Klachtenjaarverslag 2026');
    // An analyst who names a colleague: the name does not reach the public report.
    await call('PATCH', `/api/v1/reports/${made.id}`, 'quality', {
      conclusions: 'Wij bellen klagers sneller terug. Quinta Kwaliteit let daarop.',
    });
    const page = (await call('GET', `/api/v1/reports/${made.id}/html`, 'quality')).raw.toString('utf8');
    const pdf = (await call('GET', `/api/v1/reports/${made.id}/pdf`, 'quality')).raw;
    const text = pdfText(pdf);
    for (const [what, body] of [
      ['HTML', page],
      ['PDF', text],
    ] as const) {
      assert.doesNotMatch(body, /Jansen|Pieter/, `${what} names no complainant`);
      assert.doesNotMatch(body, /Quinta|Kwaliteit/, `${what} names no staff member`);
      assert.match(body, /< 5|&lt; 5/, `${what} shows small counts as < 5`);
    }
    // Communication had 3 complaints, one norm was breached twice, one went to the ombudsman: never shown as such.
    assert.match(page, /<th scope="row">Communicatie<\/th><td class="n">&lt; 5<\/td>/);
    assert.doesNotMatch(page, />\s*[1-4]\s*</, 'no count of 1 to 4 in any cell');
    const numbers = text
      .replace(/Pagina \d+ van \d+/g, '')
      .replace(/Is\s+een\s+aantal\s+1,\s+2,\s+3\s+of\s+4\?/, '')
      .match(
        /(?<![\d.,:–-])\b[1-4]\b(?![\d.,]|e kwartaal| (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|weken))/g,
      );
    assert.equal(numbers, null, `no count of 1 to 4 in the PDF text: ${numbers}`);
    // Complementary suppression: with 12 in total and communication hidden, conduct (9) is hidden too.
    assert.match(page, /<th scope="row">Bejegening<\/th><td class="n">verborgen<\/td>/);
    assert.match(page, /Totaal<\/th><td class="n">12<\/td>/);
    // The Behoorlijkheidswijzer's Dutch names, the ombudsman, the rule explained.
    assert.match(page, /Voortvarend|Voortvarendheid/);
    assert.match(page, /Goede informatieverstrekking/);
    assert.match(page, /Behoorlijkheidswijzer/);
    assert.match(page, /ombudsman/i);
    assert.match(page, /uitrekenen uit het totaal/);
    // The measure and its effect, the name in its description left out.
    assert.match(
      page,
      /<th scope="row">Terugbellen binnen twee dagen, na de klacht van \[naam\] \[naam\]<\/th><td>Bejegening<\/td><td>Werkt/,
    );
    // Accessible HTML: Dutch, headings, captions, header cells with a scope.
    assert.match(page, /<html lang="nl">/);
    assert.match(page, /<h1>Klachtenjaarverslag 2026<\/h1>/);
    assert.match(page, /<caption>/);
    assert.match(page, /<th scope="col"/);

    // Plain Dutch: the report's own text scores at least 60 on Flesch-Douma.
    const detail = (await call('GET', `/api/v1/reports/${made.id}`, 'quality')).body;
    const prose = detail.document.sections
      .flatMap((s: { blocks: { type: string; text?: string }[] }) => s.blocks)
      .filter((b: { type: string }) => b.type === 'p')
      .map((b: { text: string }) => b.text)
      .join('\n\n');
    const score = checkReadability(prose).scores.fleschDouma!;
    assert.ok(score >= 60, `Flesch-Douma ${score}`);
    tc.diagnostic(`annual report text: Flesch-Douma ${score}`);
    assert.equal(detail.readability.belowThreshold, false);
    assert.ok(detail.readability.fleschDouma >= 60);

    // A tagged PDF in Dutch.
    const bytes = pdf.toString('latin1');
    assert.match(bytes, /\/StructTreeRoot/);
    assert.match(bytes, /\/Lang \(nl-NL\)/);
    assert.match(bytes, /\/MarkInfo/);
    const info = execFileSync('pdfinfo', ['-'], { input: pdf }).toString('utf8');
    assert.match(info, /Tagged:\s+yes/);
    assert.match(info, /Title:\s+Klachtenjaarverslag 2026/);
    // Its pages as images, to look at (KF_REPORT_PNG=dir keeps them).
    const dir = process.env.KF_REPORT_PNG ?? fs.mkdtempSync(path.join(os.tmpdir(), 'kf-report-'));
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'annual.pdf'), pdf);
    execFileSync('pdftoppm', ['-r', '60', '-png', path.join(dir, 'annual.pdf'), path.join(dir, 'annual')]);
    assert.ok(fs.readdirSync(dir).some((f) => f.endsWith('.png')));
    if (!process.env.KF_REPORT_PNG) fs.rmSync(dir, { recursive: true, force: true });
  });
});
