import { enSurveys } from '../enSurveys.ts';
import { addWords } from '../i18n.tsx';
import { nlSurveys } from '../nlSurveys.ts';

/** The words of the satisfaction page (Analyse): they load with its page's chunk, not the first screen's (issue 15). */
addWords(nlSurveys, enSurveys);
