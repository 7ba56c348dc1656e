/**
 * `cdktf-tfe cost`: the deploy-cost model of a synthesized app (see
 * `model.ts` and README, "Large organizations").
 */
import * as fs from 'fs';
import * as path from 'path';
import { appCost, renderCost } from './model';
import { FLAVOUR } from '../framework';

const USAGE = `usage: ${FLAVOUR.library.bin} cost [--out DIR] [--json]

Prints, per stack of a synthesized app (run cdktf synth first), the resources,
the API requests of a first deploy and of a plan with nothing to change, and
their time at 30 requests per second, serially and with independent stacks
(e.g. the shards of a ShardedPlatform) in parallel.

  --out DIR   the synthesized app (default ./cdktf.out)
  --json      print the model as JSON
`;

export function main(argv: string[], out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr): number {
  if (argv[0] !== 'cost') {
    err.write(USAGE);
    return 2;
  }
  let dir = 'cdktf.out';
  let json = false;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--out' && argv[i + 1] !== undefined) {dir = argv[++i];} else if (a === '--json') {json = true;} else if (a === '--help' || a === '-h') {
      out.write(USAGE);
      return 0;
    } else {
      err.write(`${FLAVOUR.library.bin} cost: unknown argument ${JSON.stringify(a)}\n${USAGE}`);
      return 2;
    }
  }
  if (!fs.existsSync(path.join(dir, 'manifest.json'))) {
    err.write(`${FLAVOUR.library.bin} cost: ${path.join(dir, 'manifest.json')} not found: run ${FLAVOUR.id} synth first, or give --out.\n`);
    return 1;
  }
  const report = appCost(dir);
  out.write(json ? `${JSON.stringify(report, null, 2)}\n` : renderCost(report));
  return 0;
}
