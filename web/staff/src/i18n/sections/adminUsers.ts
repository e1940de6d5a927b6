import { enAdminUsers } from '../enAdminUsers.ts';
import { addWords } from '../i18n.tsx';
import { nlAdminUsers } from '../nlAdminUsers.ts';

/** The words of users and teams (Beheer): they load with its page's chunk, not the first screen's (issue 15). */
addWords(nlAdminUsers, enAdminUsers);
