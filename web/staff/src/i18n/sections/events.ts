import { enEvents } from '../enEvents.ts';
import { addWords } from '../i18n.tsx';
import { nlEvents } from '../nlEvents.ts';

/** The words of the event subscriptions page (Beheer): they load with its page's chunk, not the first screen's (issue 15). */
addWords(nlEvents, enEvents);
