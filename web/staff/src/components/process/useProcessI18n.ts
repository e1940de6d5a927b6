import { useMemo } from 'react';
import { enProcess } from '../../i18n/enProcess.ts';
import { format, type MessageKey, useI18n, type Vars } from '../../i18n/i18n.tsx';
import { nlProcess } from '../../i18n/nlProcess.ts';

/**
 * The app's i18n plus the process owner's page's own texts, which load with that page (the
 * dictionaries of the first bundle stay as they are). Keys of either dictionary work in `t`.
 */
export type ProcessKey = keyof typeof nlProcess;
export type TextKey = ProcessKey | MessageKey;
const PAGE = { nl: nlProcess, en: enProcess } as const;

export function useProcessI18n() {
  const i18n = useI18n();
  return useMemo(() => {
    const dict: Record<string, string> = PAGE[i18n.locale];
    return {
      ...i18n,
      t: (key: TextKey, vars?: Vars) => (key in dict ? format(dict[key]!, vars) : i18n.t(key as MessageKey, vars)),
      has: (key: string): key is TextKey => key in dict || i18n.has(key),
    };
  }, [i18n]);
}
