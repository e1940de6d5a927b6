import { Alert, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import { api } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { ReadabilityReport } from './letterTypes.ts';

const DEBOUNCE_MS = 600;

/**
 * Plain-language feedback while writing: the text goes to the server's check (Flesch-Douma,
 * Brouwer, long sentences, difficult words with plainer words) a moment after typing stops. The
 * one-line summary is a polite live region, so a screen reader hears it without losing its place;
 * the details are ordinary lists to read when wanted. Advice only: it never blocks the letter.
 */
export function ReadabilityPanel({ text }: { text: string }) {
  const { t } = useI18n();
  const [report, setReport] = useState<ReadabilityReport | null>(null);
  const [checking, setChecking] = useState(false);
  const [failed, setFailed] = useState(false);
  const empty = !text.trim();

  useEffect(() => {
    if (empty) {
      setReport(null);
      return;
    }
    const ctrl = new AbortController();
    const timer = setTimeout(() => {
      setChecking(true);
      api.post<ReadabilityReport>('/readability-checks', { text }, { signal: ctrl.signal }).then(
        (r) => {
          setReport(r);
          setFailed(false);
          setChecking(false);
        },
        (err: unknown) => {
          if ((err as Error)?.name === 'AbortError') return;
          setFailed(true);
          setChecking(false);
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      ctrl.abort();
    };
  }, [text, empty]);

  const score = report?.scores.fleschDouma;
  const summary = empty
    ? t('read.empty')
    : failed
      ? t('read.failed')
      : report
        ? t('read.summary', {
            score: score ?? '–',
            threshold: report.threshold,
            verdict: report.belowThreshold ? t('read.hard') : t('read.good'),
            long: report.longSentences.length,
            difficult: report.difficultWords.length,
          })
        : t('read.checking');

  return (
    <section aria-labelledby="read-title" className="kf-panel kf-readability">
      <Heading2 id="read-title">{t('read.title')}</Heading2>
      <Paragraph className="kf-muted">{t('read.intro')}</Paragraph>
      <p className="kf-readability__summary" role="status" aria-live="polite" aria-atomic="true" data-testid="readability-summary">
        {summary}
      </p>
      {checking ? (
        <Paragraph className="kf-muted" aria-hidden="true">
          {t('read.checking')}
        </Paragraph>
      ) : null}
      {report && !empty ? (
        <>
          <dl className="kf-readability__scores">
            <div>
              <dt>{t('read.score')}</dt>
              <dd>{score ?? '–'}</dd>
            </div>
            <div>
              <dt>{t('read.norm')}</dt>
              <dd>{report.threshold}</dd>
            </div>
            <div>
              <dt>{t('read.average')}</dt>
              <dd>
                {report.maxAverageSentenceWords === null
                  ? report.counts.avgWordsPerSentence
                  : t('read.averageOf', { average: report.counts.avgWordsPerSentence, max: report.maxAverageSentenceWords })}
              </dd>
            </div>
            <div>
              <dt>{t('read.brouwer')}</dt>
              <dd>{report.scores.brouwer ?? '–'}</dd>
            </div>
            {report.scores.band ? (
              <div>
                <dt>{t('read.band')}</dt>
                <dd>{report.scores.band}</dd>
              </div>
            ) : null}
          </dl>
          {report.belowThreshold ? <Alert type="warning">{t('read.below')}</Alert> : null}
          {report.longSentences.length ? (
            <>
              <Heading3>{t('read.longTitle')}</Heading3>
              <ul>
                {report.longSentences.map((s) => (
                  <li key={`${s.offset}`}>{t('read.longItem', { words: s.words, text: s.text })}</li>
                ))}
              </ul>
            </>
          ) : null}
          {report.difficultWords.length ? (
            <>
              <Heading3>{t('read.wordsTitle')}</Heading3>
              <ul>
                {report.difficultWords.map((w) => (
                  <li key={`${w.offset}`}>
                    {t('read.wordItem', { word: w.word, suggestions: w.suggestions.map((x) => `"${x}"`).join(t('read.or')) })}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {report.passiveHints.length ? (
            <>
              <Heading3>{t('read.passiveTitle')}</Heading3>
              <ul>
                {report.passiveHints.map((p) => (
                  <li key={`${p.offset}`}>{t('read.passiveItem', { aux: p.auxiliary, participle: p.participle })}</li>
                ))}
              </ul>
            </>
          ) : null}
          {!report.longSentences.length && !report.difficultWords.length && !report.passiveHints.length ? (
            <Paragraph>{t('read.none')}</Paragraph>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
