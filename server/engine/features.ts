import { registerAssignment } from '../features/assignment.ts';
import { registerDocuments } from '../features/documents.ts';
import { registerFacts } from '../features/facts.ts';
import { registerMessaging } from '../features/messaging.ts';
import { registerTasks } from '../features/tasks.ts';
import { registerTimers } from '../features/timers.ts';
import { registerLetters } from '../letters/feature.ts';
import { registerTrigger, unhandledNames } from './registry.ts';

/**
 * Plugs every feature into the engine, once per process, before any step is taken (server start-up
 * and the test harness). Refuses to go on when a name of the vocabulary has no handler, so a
 * definition can never name something the engine cannot do.
 */
let registered = false;
export function registerFeatures() {
  if (registered) return;
  registerAssignment();
  registerTasks();
  registerTimers();
  registerMessaging();
  registerFacts();
  registerDocuments();
  registerLetters();
  // The complainant's own actions (commands/portalAnswer.ts, commands/hearing.ts) fire these.
  registerTrigger('complainantAnswered', 'portal');
  registerTrigger('hearingBooked', 'hearing');
  const missing = unhandledNames();
  if (missing.length) throw new Error(`The engine has no handler for ${missing.join(', ')}`);
  registered = true;
}
