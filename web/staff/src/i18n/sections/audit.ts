import { enAudit } from '../enAudit.ts';
import { addWords } from '../i18n.tsx';
import { nlAudit } from '../nlAudit.ts';

/** The words of the audit log (Beheer): they load with its page's chunk, not the first screen's (issue 15). */
addWords(nlAudit, enAudit);
