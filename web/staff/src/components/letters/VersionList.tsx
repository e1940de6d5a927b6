import { Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useI18n } from '../../i18n/i18n.tsx';
import type { LetterDetail } from './letterTypes.ts';

/** Every saved version, newest first, with who wrote it and how readable it was; each can be opened. */
export function VersionList({ letter }: { letter: LetterDetail }) {
  const { t, dateTime } = useI18n();
  return (
    <section aria-labelledby="letter-versions-title" className="kf-section">
      <Heading2 id="letter-versions-title">{t('letter.versions')}</Heading2>
      <ol className="kf-timeline" reversed>
        {letter.versions.map((v) => (
          <li key={v.version}>
            <div>
              <span className="kf-timeline__what">
                {t('letter.versionLine', { version: v.version, author: v.author.name, date: dateTime(v.createdAt) })}
              </span>{' '}
              {v.version === letter.textVersion ? <span className="kf-muted">{t('letter.versionCurrent')}</span> : null}
            </div>
            {v.readability.scores.fleschDouma !== null ? (
              <div className="kf-muted">{t('letter.versionScore', { score: v.readability.scores.fleschDouma })}</div>
            ) : null}
            <details className="kf-version">
              <summary>{t('letter.versionShow', { version: v.version })}</summary>
              {v.sections.map((s) => (
                <div key={s.key}>
                  <Heading3>{s.heading}</Heading3>
                  <Paragraph className="kf-pre">{s.text}</Paragraph>
                </div>
              ))}
            </details>
          </li>
        ))}
      </ol>
    </section>
  );
}
