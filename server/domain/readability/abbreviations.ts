/**
 * Dutch abbreviations that end in a full stop. Two modules need them:
 * - sentences.ts, so that "bijv." or "dhr. Jansen" does not end a sentence;
 * - dutchSyllables.ts, which counts an abbreviation by its spoken form ("d.w.z." is read as
 *   "dat wil zeggen"), because that is what the reader has to decode.
 *
 * `canEnd` marks abbreviations that often stand at the end of a sentence ("enz.", "etc."): their
 * full stop then doubles as the sentence end, so they end a sentence when a capital follows. The
 * others ("mr.", "dhr.", "nr.", "art.") are normally followed by a name or number, so never.
 */
export type Abbreviation = { spoken: string; canEnd: boolean };

const mid = (spoken: string): Abbreviation => ({ spoken, canEnd: false });
const end = (spoken: string): Abbreviation => ({ spoken, canEnd: true });

const TABLE: Record<string, Abbreviation> = {
  'bijv.': mid('bijvoorbeeld'),
  'bv.': mid('bijvoorbeeld'),
  'o.a.': mid('onder andere'),
  'd.w.z.': mid('dat wil zeggen'),
  'mr.': mid('meester'),
  'dhr.': mid('de heer'),
  'mevr.': mid('mevrouw'),
  'mw.': mid('mevrouw'),
  'nr.': mid('nummer'),
  'art.': mid('artikel'),
  'z.s.m.': end('zo snel mogelijk'),
  'i.p.v.': mid('in plaats van'),
  't.a.v.': mid('ter attentie van'),
  'm.b.t.': mid('met betrekking tot'),
  'i.v.m.': mid('in verband met'),
  'n.a.v.': mid('naar aanleiding van'),
  't.o.v.': mid('ten opzichte van'),
  'm.i.v.': mid('met ingang van'),
  'o.b.v.': mid('op basis van'),
  'i.o.m.': mid('in overleg met'),
  'm.u.v.': mid('met uitzondering van'),
  'o.v.v.': mid('onder vermelding van'),
  'c.q.': mid('casu quo'),
  'i.c.': mid('in casu'),
  'd.d.': mid('de dato'),
  'a.u.b.': end('alstublieft'),
  'e.e.a.': mid('een en ander'),
  't.z.t.': end('te zijner tijd'),
  'e.d.': end('en dergelijke'),
  'e.a.': end('en andere'),
  'enz.': end('enzovoort'),
  'etc.': end('et cetera'),
  'evt.': mid('eventueel'),
  'ca.': mid('circa'),
  'jl.': end('jongstleden'),
  'a.s.': end('aanstaande'),
  'z.o.z.': end('zie ommezijde'),
  'blz.': mid('bladzijde'),
  'tel.': mid('telefoon'),
  'dr.': mid('doctor'),
  'drs.': mid('doctorandus'),
  'ir.': mid('ingenieur'),
  'ing.': mid('ingenieur'),
  'prof.': mid('professor'),
  'incl.': end('inclusief'),
  'excl.': end('exclusief'),
  'max.': mid('maximaal'),
  'min.': mid('minimaal'),
  'resp.': mid('respectievelijk'),
  'afd.': mid('afdeling'),
  'zgn.': mid('zogenaamd'),
  'vnl.': mid('voornamelijk'),
  'mln.': end('miljoen'),
  'mld.': end('miljard'),
  'vs.': mid('versus'),
  'jr.': end('junior'),
  'sr.': end('senior'),
  'p.': mid('pagina'),
  // Months, as in "12 jan. 2025".
  'jan.': mid('januari'),
  'feb.': mid('februari'),
  'mrt.': mid('maart'),
  'apr.': mid('april'),
  'jun.': mid('juni'),
  'jul.': mid('juli'),
  'aug.': mid('augustus'),
  'sep.': mid('september'),
  'sept.': mid('september'),
  'okt.': mid('oktober'),
  'nov.': mid('november'),
  'dec.': mid('december'),
};

/** Looks up an abbreviation written with its final full stop; case-insensitive ("Dhr." = "dhr."). */
export function lookupAbbreviation(token: string): Abbreviation | undefined {
  return Object.hasOwn(TABLE, token.toLowerCase()) ? TABLE[token.toLowerCase()] : undefined;
}

/** "o.a.", "a.b.c.": letters each followed by a stop, at least two of them. */
export const DOTTED_LETTERS = /^(?:\p{L}\.){2,}$/u;
