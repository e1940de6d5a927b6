import { Alert, Button, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import { api } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { announce } from '../announce.ts';
import { PersonFacts } from './PersonFacts.tsx';
import type { PersonMatch } from './personTypes.ts';

type Props = {
  email: string;
  phone: string;
  chosen: { id: string; name: string } | null;
  onChoose: (p: PersonMatch | null) => void;
  /** Whom the box is about: the complainant (default) or the person who complains for them. */
  who?: 'complainant' | 'representative';
};

/** Enough typed to be a key: an address with a domain, or a phone number of at least 8 digits. */
const emailKey = (s: string) => (/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(s.trim()) ? s.trim() : '');
const phoneKey = (s: string) => (s.replace(/\D/g, '').length >= 8 ? s.trim() : '');

const COMPLAINANT_WORDS = {
  titleId: 'known-person-title',
  title: 'person.known.title',
  chosen: 'person.known.chosen',
  chosenHint: 'person.known.chosenHint',
  unchoose: 'person.known.unchoose',
  used: 'person.known.used',
  cleared: 'person.known.cleared',
} as const;
const REPRESENTATIVE_WORDS = {
  titleId: 'known-rep-title',
  title: 'person.knownRep.title',
  chosen: 'person.knownRep.chosen',
  chosenHint: 'person.knownRep.chosenHint',
  unchoose: 'person.knownRep.unchoose',
  used: 'person.knownRep.used',
  cleared: 'person.knownRep.cleared',
} as const;

/**
 * "Bekende klant?": while the agent types, complainants with the same e-mail or phone (never a
 * name alone). The agent decides: choosing one puts the new case on that person; nothing merges
 * by itself. A failed lookup shows nothing: registering a new complainant always works.
 */
export function KnownPersonSuggestion({ email, phone, chosen, onChoose, who = 'complainant' }: Props) {
  const { t } = useI18n();
  // A representative's box has its own words ("vertegenwoordiger", not "klant") and heading id.
  const w = who === 'representative' ? REPRESENTATIVE_WORDS : COMPLAINANT_WORDS;
  const [items, setItems] = useState<PersonMatch[]>([]);
  const keys = { email: emailKey(email), phone: phoneKey(phone) };
  useEffect(() => {
    if (!keys.email && !keys.phone) {
      setItems([]);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      const body = { ...(keys.email ? { email: keys.email } : {}), ...(keys.phone ? { phone: keys.phone } : {}) };
      api.post<{ items: PersonMatch[] }>('/person-suggestions', body).then(
        (r) => live && setItems(r.items),
        () => live && setItems([]),
      );
    }, 400);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [keys.email, keys.phone]);

  if (chosen) {
    return (
      <Alert type="info">
        <Paragraph>{t(w.chosen, { name: chosen.name })}</Paragraph>
        <Paragraph className="kf-muted">{t(w.chosenHint)}</Paragraph>
        <Button
          type="button"
          appearance="subtle-button"
          onClick={() => {
            onChoose(null);
            announce(t(w.cleared));
          }}
        >
          {t(w.unchoose)}
        </Button>
      </Alert>
    );
  }
  return (
    <div aria-live="polite">
      {items.length ? (
        <section aria-labelledby={w.titleId} className="kf-known-person">
          <Heading3 id={w.titleId}>{t(w.title)}</Heading3>
          <Paragraph>{t('person.known.intro')}</Paragraph>
          <ul className="kf-timeline">
            {items.map((p) => (
              <li key={p.id}>
                <PersonFacts p={p} />
                <Button
                  type="button"
                  appearance="secondary-action-button"
                  onClick={() => {
                    onChoose(p);
                    announce(t(w.used, { name: p.name }));
                  }}
                >
                  {t('person.known.use', { name: p.name })}
                </Button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
