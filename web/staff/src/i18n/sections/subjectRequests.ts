import { enSubjectRequests } from '../enSubjectRequests.ts';
import { addWords } from '../i18n.tsx';
import { nlSubjectRequests } from '../nlSubjectRequests.ts';

/** The words of data subject requests (Beheer): they load with its page's chunk, not the first screen's (issue 15). */
addWords(nlSubjectRequests, enSubjectRequests);
