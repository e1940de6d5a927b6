import { enPost } from '../enPost.ts';
import { addWords } from '../i18n.tsx';
import { nlPost } from '../nlPost.ts';

/** The words of the post page and the intake's message choices: they load with its page's chunk, not the first screen's (issue 15). */
addWords(nlPost, enPost);
