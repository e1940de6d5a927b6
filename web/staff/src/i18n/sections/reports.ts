import { enReports } from '../enReports.ts';
import { addWords } from '../i18n.tsx';
import { nlReports } from '../nlReports.ts';

/** The words of the reports pages (Analyse): they load with its page's chunk, not the first screen's (issue 15). */
addWords(nlReports, enReports);
