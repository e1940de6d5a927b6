import { enApiClients } from '../enApiClients.ts';
import { addWords } from '../i18n.tsx';
import { nlApiClients } from '../nlApiClients.ts';

/** The words of the API clients page (Beheer): they load with its page's chunk, not the first screen's (issue 15). */
addWords(nlApiClients, enApiClients);
