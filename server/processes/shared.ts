import type { ProcessDefinitionInput } from '../domain/process/definition.ts';

/** Building blocks the presets share: the same legal steps read the same in every organisation. */
type Transition = ProcessDefinitionInput['transitions'][number];
type Input = NonNullable<Transition['inputs']>[number];

export const l = (nl: string, en: string) => ({ nl, en });
const opt = (value: string, nl: string, en: string) => ({ value, label: l(nl, en) });

export const note: Input = { key: 'note', label: l('Interne notitie', 'Internal note'), type: 'textarea', target: 'note' };
export const requiredNote: Input = { ...note, required: true };

/** Classification (seed 000 §4.3, seed 001 step 4/10): what the case is and what it is about. */
export const classificationInputs: Input[] = [
  {
    key: 'classification',
    label: l('Klacht of signaal', 'Complaint or signal'),
    type: 'select',
    required: true,
    options: [opt('complaint', 'Klacht', 'Complaint'), opt('signal', 'Signaal', 'Signal')],
  },
  {
    key: 'formality',
    label: l('Formeel of informeel', 'Formal or informal'),
    type: 'select',
    required: true,
    options: [opt('formal', 'Formeel (schriftelijk, Awb 9:4)', 'Formal (written, Awb 9:4)'), opt('informal', 'Informeel', 'Informal')],
  },
  {
    key: 'ground',
    label: l('Grondslag', 'Ground'),
    type: 'select',
    required: true,
    options: [
      opt('conduct', 'Bejegening', 'Conduct'),
      opt('communication', 'Communicatie', 'Communication'),
      opt('substance', 'Inhoud', 'Substance'),
    ],
  },
  { key: 'product', label: l('Product of dienst', 'Product or service'), type: 'text' },
  { key: 'department', label: l('Afdeling waarover geklaagd wordt', 'Department complained about'), type: 'text' },
  { key: 'statutory', label: l('AWB-klacht', 'Statutory complaint'), type: 'boolean', required: true },
];

export const judgmentInputs: Input[] = [
  {
    key: 'judgment',
    label: l('Oordeel', 'Judgment'),
    type: 'select',
    required: true,
    options: [
      opt('founded', 'Gegrond', 'Founded'),
      opt('partlyFounded', 'Deels gegrond', 'Partly founded'),
      opt('unfounded', 'Ongegrond', 'Unfounded'),
      opt('noJudgment', 'Geen oordeel', 'No judgment'),
    ],
  },
  { key: 'judgmentReasons', label: l('Motivering', 'Reasons'), type: 'textarea', required: true },
];

/** Awb 9:8: the fixed grounds for not handling a complaint, one code each (AWB-09). */
export const notHandlingReason: Input = {
  key: 'notHandlingReason',
  label: l('Reden (Awb 9:8)', 'Reason (Awb 9:8)'),
  type: 'select',
  required: true,
  options: [
    opt('handledBefore', 'Al eerder als klacht behandeld (lid 1 a)', 'Already handled as a complaint (1 a)'),
    opt('olderThanOneYear', 'Langer dan een jaar geleden (lid 1 b)', 'More than one year ago (1 b)'),
    opt('objectionPossible', 'Bezwaar was mogelijk (lid 1 c)', 'Objection was possible (1 c)'),
    opt('appealPossible', 'Beroep is of was mogelijk (lid 1 d)', 'Appeal is or was possible (1 d)'),
    opt('beforeCourt', 'Ligt of lag bij de rechter (lid 1 e)', 'Before a court (1 e)'),
    opt('criminalInvestigation', 'Strafrechtelijk onderzoek (lid 1 f)', 'Criminal investigation (1 f)'),
    opt('insufficientWeight', 'Belang of gewicht kennelijk onvoldoende (lid 2)', 'Interest or weight clearly insufficient (2)'),
  ],
};

export const cancelReason: Input = {
  key: 'cancelReason',
  label: l('Reden', 'Reason'),
  type: 'select',
  required: true,
  options: [
    opt('duplicate', 'Dubbel geregistreerd', 'Registered twice'),
    opt('notRelevant', 'Niet meer relevant', 'No longer relevant'),
    opt('withdrawn', 'Ingetrokken door klant', 'Withdrawn by complainant'),
    opt('other', 'Anders', 'Other'),
  ],
};

export const referralBody: Input = {
  key: 'referralBody',
  label: l('Verwezen naar', 'Referred to'),
  type: 'select',
  required: true,
  options: [
    opt('ombudsman', 'Nationale ombudsman of gemeentelijke ombudsman', 'Ombudsman'),
    opt('rentTribunal', 'Huurcommissie', 'Rent tribunal (Huurcommissie)'),
    opt('disputesBody', 'Geschilleninstantie', 'Disputes body'),
    opt('other', 'Andere instantie', 'Other body'),
  ],
};

export const closingReason: Input = {
  key: 'closingReason',
  label: l('Reden van afsluiten', 'Closing reason'),
  type: 'select',
  required: true,
  options: [
    opt('resolved', 'Opgelost naar tevredenheid', 'Resolved to satisfaction'),
    opt('answered', 'Beantwoord', 'Answered'),
    opt('referred', 'Verwezen naar externe instantie', 'Referred to an external body'),
    opt('noResponse', 'Geen reactie van klager', 'No response from complainant'),
  ],
};
