import { sql, type Kysely } from 'kysely';

/**
 * Work-queue indexes that match the queues exactly, so a queue page is an index range scan that
 * stops after one page however large the backlog. The team and unassigned queues leave out work a
 * person already holds (assignee_user_id is null); workQueue.ts reads a multi-team or multi-channel
 * filter as one range scan per (team, channel) and merges them, which is what the channel columns
 * are for. All partial on open work: closed work (most rows) never enters them.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create index activity_team_queue on activity (assignee_team_id, channel, created_at, id)
      where status in ('open', 'inProgress') and assignee_user_id is null;
    create index activity_unassigned on activity (created_at, id)
      where status in ('open', 'inProgress') and assignee_team_id is null and assignee_user_id is null;
    create index activity_unassigned_channel on activity (channel, created_at, id)
      where status in ('open', 'inProgress') and assignee_team_id is null and assignee_user_id is null;
    create index activity_open_channel on activity (channel, created_at, id) where status in ('open', 'inProgress');
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop index activity_team_queue;
    drop index activity_unassigned;
    drop index activity_unassigned_channel;
    drop index activity_open_channel;
  `.execute(db);
}
