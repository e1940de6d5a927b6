import { enImport } from '../enImport.ts';
import { addWords } from '../i18n.tsx';
import { nlImport } from '../nlImport.ts';

/** The words of the register import (Analyse): they load with its page's chunk, not the first screen's (issue 15). */
addWords(nlImport, enImport);
