import { enMeasures } from '../enMeasures.ts';
import { addWords } from '../i18n.tsx';
import { nlMeasures } from '../nlMeasures.ts';

/** The words of the improvement measures pages: they load with its page's chunk, not the first screen's (issue 15). */
addWords(nlMeasures, enMeasures);
