import { Paragraph } from '@utrecht/component-library-react';
import { useAnalysisI18n } from './analysisWords.ts';

/**
 * A figure's definition one click away: a disclosure with the text the server gives for it. Its name
 * says which figure ("Definitie: Doorlooptijd"), so a list of the page's controls tells them apart.
 */
export function Definition({ text, of }: { text: string; of: string }) {
  const { t } = useAnalysisI18n();
  if (!text) return null;
  return (
    <details className="kf-definition">
      <summary>
        {t('analysis.definition')}
        <span className="kf-visually-hidden">: {of}</span>
      </summary>
      <Paragraph>{text}</Paragraph>
    </details>
  );
}
