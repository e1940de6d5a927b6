import type { nlPersons } from './nlPersons.ts';

/** English texts for one person, one record: the known complainant at intake, merging duplicates. */
export const enPersons: Record<keyof typeof nlPersons, string> = {
  'person.known.title': 'Known complainant?',
  'person.known.intro':
    'A complainant with the same e-mail address or phone number already exists. Is it the same person? Choose them and the new case is added to them.',
  'person.known.reason.sameEmail': 'same e-mail address',
  'person.known.reason.samePhone': 'same phone number',
  'person.known.cases.none': 'no cases you can see yet',
  'person.known.cases.one': '1 case: {reference}',
  'person.known.cases.many': '{count} cases, latest {reference}',
  'person.known.use': 'Use {name}',
  'person.known.chosen': 'The new case is added to the existing complainant {name}.',
  'person.known.chosenHint': "What you fill in above about the complainant does not change this complainant's details.",
  'person.known.unchoose': 'Register as a new complainant after all',
  'person.known.used': 'Existing complainant {name} chosen.',
  'person.known.cleared': 'The case goes to a new complainant.',
  'person.merge.title': 'Duplicate complainant',
  'person.merge.open': 'Merge duplicate complainant ({count})',
  'person.merge.openHistory': 'Merged complainants ({count})',
  'person.merge.intro':
    'These complainants have the same e-mail address or phone number as the complainant of this case ({name}). Only merge when you are sure it is the same person. Their cases then belong to one complainant. You can undo it.',
  'person.merge.button': 'Merge with {name}',
  'person.merge.done': 'Merged with {name}. The cases now belong to one complainant.',
  'person.merge.history': 'Merged into this complainant earlier',
  'person.merge.entry': '{name}: merged on {date} by {by} ({cases})',
  'person.merge.cases.one': '1 case',
  'person.merge.cases.many': '{count} cases',
  'person.merge.undo': 'Undo merging {name}',
  'person.merge.undone': 'Merging {name} was undone.',
  'tl.personMerged': 'Duplicate complainant merged',
  'tl.personMergeUndone': 'Complainant merge undone',
};
