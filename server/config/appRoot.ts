import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The installation's root (the folder holding package.json, config/, web/ and node_modules/). Files
 * shipped beside the code are found from here, not from this module's own place: the same module
 * runs as server/config/appRoot.ts (tsx, tests) and compiled as dist/server/config/appRoot.js.
 */
export const APP_ROOT = findRoot(path.dirname(fileURLToPath(import.meta.url)));

function findRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`No package.json above ${start}: Klachtflow's files are incomplete`);
  }
}
