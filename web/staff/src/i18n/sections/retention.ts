import { enRetention } from '../enRetention.ts';
import { addWords } from '../i18n.tsx';
import { nlRetention } from '../nlRetention.ts';

/** The words of destruction and quarantined mail (Beheer): they load with its page's chunk, not the first screen's (issue 15). */
addWords(nlRetention, enRetention);
