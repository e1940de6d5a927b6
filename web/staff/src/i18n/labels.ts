import type { MessageKey } from './i18n.tsx';

/** Names of the API's closed sets (channels, statuses, kinds), from the dictionary. */
export const CHANNELS = ['phone', 'email', 'web', 'counter', 'letter'] as const;
export const ACTIVITY_STATUSES = ['open', 'inProgress', 'done', 'cancelled'] as const;
export const DOC_TYPES = ['attachment', 'scan', 'hearingReport', 'committeeAdvice', 'letter', 'correspondence', 'other'] as const;

type T = (key: MessageKey) => string;
type Has = (key: string) => key is MessageKey;

export const labelOf = (t: T, has: Has, prefix: string, value: string) => {
  const key = `${prefix}.${value}`;
  return has(key) ? t(key) : value;
};
