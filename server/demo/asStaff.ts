import type { Actor, CommandContext, Services } from '../commands/context.ts';

/** Runs a command as someone, in one transaction, at the services' clock. */
export const asStaff = <T>(services: Services, actor: Actor, fn: (ctx: CommandContext) => Promise<T>) =>
  services.db.transaction().execute((tx) => fn({ actor, tx, now: services.clock.now(), services }));
