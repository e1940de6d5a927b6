import { readEnv } from './config/env.ts';
import { startServer } from './server.ts';

/** `npm start`: configuration from the environment, clean shutdown on SIGINT/SIGTERM. */
const env = readEnv();
// A demo's first start seeds in a process of its own (server.ts seedFreshEmbeddedDemo).
const server = await startServer(env, { demoSeedInChild: true }).catch((err: Error) => {
  console.error(`\nKlachtflow kon niet starten:\n${err.message}\n`);
  process.exit(1);
});

const url = env.publicUrl;
const lines = [
  '',
  `Klachtflow draait op ${url}  (database: ${server.backend === 'pglite' ? `ingebouwd, ${env.dataDir}` : 'PostgreSQL'})`,
  `  Medewerkers: ${url}/   ·   Klacht indienen (burgers): ${url}/klacht`,
  `  API-documentatie: ${url}/api/v1/docs`,
];
if (env.demo) {
  lines.push(`  Demo-login: open ${url}/ en kies een demogebruiker (er is er een voor elke rol).`);
  lines.push(`  Verstuurde mail staat in de demo-mailbox: ${url}/mailbox`);
  if (server.seeded?.created) lines.push(`  Demodata aangemaakt: ${server.seeded.users} gebruikers, ${server.seeded.cases} meldingen.`);
}
console.log(lines.join('\n') + '\n');

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.app.log.info({ signal }, 'shutting down');
    server.close().then(
      () => process.exit(0),
      (err) => {
        console.error(err);
        process.exit(1);
      },
    );
  });
}
