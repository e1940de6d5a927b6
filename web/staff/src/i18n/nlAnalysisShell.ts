/**
 * The analysis words the first load needs (the main menu, the register export's hint under a figure's
 * list): in the main dictionary. The pages' own words (nlAnalysis.ts) come with their chunk.
 */
export const nlAnalysisShell = {
  'nav.analysis': 'Analyse',
  'analysisNav.label': 'Onderdelen van Analyse',
  'analysisNav.figures': 'Cijfers',
  'export.hintFigure': 'Download precies deze lijst: de meldingen achter het cijfer, met hun gegevens en data.',
  'nav.reports': 'Rapportages',
  'nav.surveys': 'Tevredenheid',
  'nav.import': 'Register importeren',
};
