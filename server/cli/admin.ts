import { parseArgs } from 'node:util';
import { z } from 'zod';
import type { SystemActor } from '../commands/context.ts';
import { createAdministrator } from '../commands/firstAdministrator.ts';
import { readEnv } from '../config/env.ts';
import { clockFromEnv } from '../config/pinnedClock.ts';
import { openDatabase } from '../db/connect.ts';

/**
 * `npm run admin -- create-admin --name "…" --email …`: the first administrator of an empty
 * installation, without SQL (issue 13 point 2). The database is the server's (DATABASE_URL, or
 * the embedded one in DATA_DIR; stop the server first, it locks that directory), migrated here if
 * new. Refuses while an active administrator exists, unless --force. Prints what it did.
 *
 * Exit codes: 0 done (or nothing to do), 1 wrong input or no database, 2 refused (an administrator exists).
 */
const USAGE = `Gebruik:
  npm run admin -- create-admin --name "Voornaam Achternaam" --email naam@organisatie.nl [--force]

  Maakt de eerste beheerder aan. Zonder wachtwoord: die logt in via de identiteitsprovider (OIDC)
  met dit e-mailadres (het eerste inloggen koppelt het account), of in de demo met de demo-login.
  Weigert als er al een actieve beheerder is; --force voegt er dan toch een toe (of geeft een
  bestaand account met dit e-mailadres de rol beheerder).
  De database: DATABASE_URL (PostgreSQL) of anders DATA_DIR (ingebouwd, standaard ./data).`;

const input = z.object({
  name: z.string().trim().min(1, 'geef een naam met --name').max(200),
  email: z.string().trim().pipe(z.email('geef een geldig e-mailadres met --email')),
  force: z.boolean(),
});

/** The command line's actor in the change record: no person, the command itself. */
const COMMAND_ACTOR: SystemActor = { kind: 'system', name: 'Beheeropdracht (npm run admin)' };

async function main(argv: string[]): Promise<number> {
  let parsed: ReturnType<
    typeof parseArgs<{
      options: { name: { type: 'string' }; email: { type: 'string' }; force: { type: 'boolean' }; help: { type: 'boolean' } };
      allowPositionals: true;
    }>
  >;
  try {
    parsed = parseArgs({
      args: argv,
      options: { name: { type: 'string' }, email: { type: 'string' }, force: { type: 'boolean' }, help: { type: 'boolean' } },
      allowPositionals: true,
    });
  } catch (err) {
    console.error(`${(err as Error).message}\n\n${USAGE}`);
    return 1;
  }
  const [command, ...rest] = parsed.positionals;
  if (parsed.values.help || !command) {
    console.log(USAGE);
    return parsed.values.help ? 0 : 1;
  }
  if (command !== 'create-admin' || rest.length) {
    console.error(`Onbekende opdracht: ${[command, ...rest].join(' ')}\n\n${USAGE}`);
    return 1;
  }
  const checked = input.safeParse({ name: parsed.values.name ?? '', email: parsed.values.email ?? '', force: !!parsed.values.force });
  if (!checked.success) {
    console.error(`${checked.error.issues.map((i) => `Fout: ${i.message}`).join('\n')}\n\n${USAGE}`);
    return 1;
  }
  const env = readEnv();
  const database = await openDatabase({ databaseUrl: env.databaseUrl, dataDir: env.databaseUrl ? undefined : env.dataDir });
  const where = database.backend === 'pglite' ? `ingebouwde database in ${env.dataDir}` : 'PostgreSQL (DATABASE_URL)';
  try {
    const now = clockFromEnv(env).now();
    const result = await database.db.transaction().execute((tx) => createAdministrator({ actor: COMMAND_ACTOR, tx, now }, checked.data));
    const who = `${checked.data.name} <${checked.data.email}>`;
    switch (result.outcome) {
      case 'refused':
        console.error(
          `Niets gewijzigd: er is al een actieve beheerder (${result.administrators.map((a) => `${a.name} <${a.email}>`).join(', ')}).\n` +
            'Voeg verdere beheerders toe op het scherm Beheer › Gebruikers, of gebruik --force.',
        );
        return 2;
      case 'created':
        console.log(`Beheerder aangemaakt: ${who} (id ${result.userId}) in de ${where}.`);
        break;
      case 'promoted':
        console.log(
          `Het bestaande account met dit e-mailadres (id ${result.userId}) heeft nu de rol beheerder${result.wasActive ? '' : ' en is weer actief'}, in de ${where}.`,
        );
        break;
      case 'alreadyAdministrator':
        console.log(`Niets gewijzigd: ${checked.data.email} is al een actieve beheerder (id ${result.userId}).`);
        return 0;
    }
    console.log(
      env.oidc
        ? `Inloggen: ${env.publicUrl}/ › "Inloggen" bij de identiteitsprovider, met het e-mailadres ${checked.data.email} (door de provider bevestigd).`
        : `Inloggen: stel OIDC_ISSUER, OIDC_CLIENT_ID en OIDC_CLIENT_SECRET in; het eerste inloggen met ${checked.data.email} koppelt het account. In de demo (DEMO=1) staat het bij de demo-login.`,
    );
    return 0;
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: Error) => {
    console.error(`De beheeropdracht is mislukt:\n${err.message}`);
    process.exit(1);
  },
);
