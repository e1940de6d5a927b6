import { strToU8, zipSync } from 'fflate';
import { formatPhone } from '../domain/phone.ts';
import type { ExportRole, SubjectExport } from './subjectExport.ts';

/**
 * The file a privacy officer hands over: one ZIP with the data as JSON (machine-readable, for the
 * person to take elsewhere) and the same as a readable HTML page (opens in any browser, prints to
 * PDF). The name holds no personal data.
 */
export function subjectExportZip(data: SubjectExport, organisationName: string): { filename: string; content: Uint8Array } {
  const day = data.madeAt.slice(0, 10);
  const content = zipSync(
    {
      'gegevens.json': strToU8(JSON.stringify(data, null, 2)),
      'overzicht.html': strToU8(subjectExportHtml(data, organisationName)),
    },
    // A fixed time inside the archive: the same data gives the same file.
    { mtime: new Date(data.madeAt) },
  );
  return { filename: `inzage-persoonsgegevens-${day}.zip`, content };
}

const ROLE_WORDS: Record<ExportRole, string> = {
  complainant: 'klager',
  representative: 'vertegenwoordiger (gemachtigde)',
  complainedAbout: 'medewerker over wie geklaagd is',
};
const KIND_WORDS: Record<string, string> = {
  access: 'inzage (art. 15)',
  correction: 'correctie (art. 16)',
  erasure: 'wissen (art. 17)',
  restriction: 'beperking (art. 18)',
};
const STATUS_WORDS: Record<string, string> = {
  open: 'in behandeling',
  granted: 'toegewezen',
  partlyGranted: 'deels toegewezen',
  refused: 'afgewezen',
};

const esc = (s: string | null | undefined) =>
  (s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const day = (iso: string | null) =>
  iso ? new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'Europe/Amsterdam' }).format(new Date(iso)) : '';
const row = (label: string, value: string | null | undefined) =>
  value ? `<tr><th scope="row">${esc(label)}</th><td>${esc(value)}</td></tr>` : '';

export function subjectExportHtml(d: SubjectExport, organisationName: string): string {
  const s = d.subject;
  const cases = d.cases
    .map(
      (c) => `<section>
<h3>Melding ${esc(c.reference)}</h3>
<table>
${row('Uw rol', c.roles.map((r) => ROLE_WORDS[r]).join(', '))}
${row('Onderwerp', c.subject)}
${row('Ontvangen', day(c.receivedAt))}
${row('Status', c.status)}
${row('Afgesloten', day(c.closedAt))}
${row('Klager', c.complainant)}
${row('Vertegenwoordiger', c.representative)}
${row('Over wie geklaagd is', c.complainedPersons.join(', '))}
</table>
${c.description ? `<h4>De klacht</h4><p>${esc(c.description).replace(/\n/g, '<br>')}</p>` : ''}
${c.notes.length ? `<h4>Notities</h4><ul>${c.notes.map((n) => `<li>${day(n.createdAt)}: ${n.withheld ? '<em>Deze notitie bevat gegevens van anderen en is daarom niet opgenomen (AVG art. 15 lid 4).</em>' : esc(n.body)}</li>`).join('')}</ul>` : ''}
${c.documents.length ? `<h4>Documenten</h4><ul>${c.documents.map((x) => `<li>${esc(x.filename)} (${day(x.createdAt)})</li>`).join('')}</ul>` : ''}
${c.messages.length ? `<h4>Berichten aan u</h4><ul>${c.messages.map((m) => `<li>${esc(m.subject)}${m.sentAt ? ` (${day(m.sentAt)})` : ''}</li>`).join('')}</ul>` : ''}
</section>`,
    )
    .join('\n');
  const mandates = d.mandates.length
    ? `<h2>Machtigingen</h2><ul>${d.mandates
        .map(
          (m) =>
            `<li>${m.role === 'representative' ? 'U vertegenwoordigt' : 'U wordt vertegenwoordigd door'} ${esc(m.other)}, geldig vanaf ${day(m.validFrom)}${m.validUntil ? ` tot ${day(m.validUntil)}` : ''}${m.revoked ? ' (ingetrokken)' : ''}</li>`,
        )
        .join('')}</ul>`
    : '';
  const requests = d.requests.length
    ? `<h2>Uw verzoeken over uw gegevens</h2><ul>${d.requests
        .map(
          (r) =>
            `<li>${esc(KIND_WORDS[r.kind] ?? r.kind)}, ontvangen ${day(r.receivedOn)}: ${esc(STATUS_WORDS[r.status] ?? r.status)}${r.outcome ? `. ${esc(r.outcome)}` : ''}</li>`,
        )
        .join('')}</ul>`
    : '';
  return `<!doctype html>
<html lang="nl">
<head><meta charset="utf-8"><title>Uw persoonsgegevens bij ${esc(organisationName)}</title>
<style>body{font-family:sans-serif;max-width:48rem;margin:2rem auto;line-height:1.5;padding:0 1rem}th{text-align:left;padding-right:1rem;vertical-align:top}section{border-top:1px solid #999;margin-top:1.5rem}</style></head>
<body>
<h1>Uw persoonsgegevens bij ${esc(organisationName)}</h1>
<p>Dit overzicht laat zien welke gegevens wij over u hebben in onze klachtenregistratie, gemaakt op ${day(d.madeAt)} (AVG artikel 15).
Gegevens van andere mensen hebben we vervangen door "[gegevens van een ander]".</p>
<h2>Uw gegevens</h2>
<table>
${row('Naam', s.name)}
${row('Organisatie', s.organisationName)}
${row('Functie', s.jobTitle)}
${row('E-mailadres', s.email)}
${row('Telefoonnummer', s.phone && formatPhone(s.phone))}
${row('Adres', s.address)}
</table>
<h2>Meldingen (${d.cases.length})</h2>
${cases || '<p>Er zijn geen meldingen waarin u voorkomt.</p>'}
${mandates}
${requests}
</body>
</html>
`;
}
