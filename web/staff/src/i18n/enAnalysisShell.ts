import type { nlAnalysisShell } from './nlAnalysisShell.ts';

/** English for nlAnalysisShell.ts. */
export const enAnalysisShell: Record<keyof typeof nlAnalysisShell, string> = {
  'nav.analysis': 'Analysis',
  'analysisNav.label': 'Parts of Analysis',
  'analysisNav.figures': 'Figures',
  'export.hintFigure': 'Download exactly this list: the cases behind the figure, with their facts and dates.',
  'nav.reports': 'Reports',
  'nav.surveys': 'Satisfaction',
  'nav.import': 'Import register',
};
