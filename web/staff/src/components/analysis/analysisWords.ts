import { enAnalysis } from '../../i18n/enAnalysis.ts';
import { format, type MessageKey, useI18n, type Vars } from '../../i18n/i18n.tsx';
import { nlAnalysis } from '../../i18n/nlAnalysis.ts';

export type AnalysisKey = keyof typeof nlAnalysis;
const words = { nl: nlAnalysis, en: enAnalysis } as const;

/**
 * The app's i18n with the analysis pages' words added. Those words live in this chunk, not in the
 * first load's dictionary: `t` takes an analysis key or any app key, `has` knows both.
 */
export function useAnalysisI18n() {
  const i18n = useI18n();
  const dict: Record<string, string> = words[i18n.locale];
  return {
    ...i18n,
    t: (key: AnalysisKey | MessageKey, vars?: Vars) => (key in dict ? format(dict[key]!, vars) : i18n.t(key as MessageKey, vars)),
    has: (key: string): key is AnalysisKey | MessageKey => key in dict || i18n.has(key),
  };
}
