/**
 * A platform file of N tenants (default 500; each: two environments, a
 * management workspace, a variable on every environment, a shared team's
 * access) loaded and synthesized: wall time of each step and peak memory.
 *
 *   npm run bench:platform-file -- [N]
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TfeProvider } from '@cdktf/provider-tfe/lib/provider';
import { App, TerraformStack } from 'cdktf';
import { PlatformFile } from '../src';

const n = Number(process.argv[2] ?? 500);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'platform-bench-'));
const file = path.join(dir, 'platform.yaml');
const tenants = Array.from({ length: n }, (_, i) => [
  `  - name: tenant-${String(i).padStart(4, '0')}`,
  '    teams:',
  '      - team: platform-ops',
  '        access: admin',
  '    environments: [dev, prod]',
  '    variables:',
  '      - key: owner',
  `        value: team-${i}`,
].join('\n'));
fs.writeFileSync(file, `organization: acme\nteams:\n  - name: platform-ops\ntenants:\n${tenants.join('\n')}\n`);

let peak = 0;
const sample = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 20);
const t0 = process.hrtime.bigint();
const app = new App({ outdir: path.join(dir, 'cdktf.out') });
const stack = new TerraformStack(app, 'tenants');
new TfeProvider(stack, 'tfe', {});
PlatformFile.load(stack, 'Platform', file);
const t1 = process.hrtime.bigint();
app.synth();
const t2 = process.hrtime.bigint();
clearInterval(sample);
peak = Math.max(peak, process.memoryUsage().rss);
const json = fs.readFileSync(path.join(dir, 'cdktf.out', 'stacks', 'tenants', 'cdk.tf.json'));
const resources = Object.values<any>(JSON.parse(json.toString()).resource).reduce((a, byName) => a + Object.keys(byName).length, 0);
const ms = (a: bigint, b: bigint) => Number(b - a) / 1e6;
console.log(`${n} tenants (${fs.statSync(file).size} bytes of YAML): load ${ms(t0, t1).toFixed(0)} ms, synth ${ms(t1, t2).toFixed(0)} ms, ` +
  `total ${ms(t0, t2).toFixed(0)} ms; ${resources} resources, ${(json.length / 1e6).toFixed(1)} MB of JSON; peak RSS ${(peak / 1048576).toFixed(0)} MiB`);
fs.rmSync(dir, { recursive: true, force: true });
