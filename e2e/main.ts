/**
 * The end-to-end suite's tiers, run in order by e2e/run.sh once the toolchain
 * and the server are ready (see README, "End-to-end"):
 *   1. validate   every stack of the example platform and the fixture, with terraform 1.5.7, tofu
 *                 and the machine's own terraform
 *   2. plan       the stacks with the tfe provider plan against the server
 *   3. deploy     `cdktf deploy`, a second plan, the cdktn flavour's plan of the same app over that
 *                 state (identical), `cdktf destroy`, API checks
 *   4. CLI-driven consumer stacks bound by name and by prefix run init, plan, apply
 *   5. refactor   Moves.renamedFrom and RemovalPolicy.PROTECT against a deployed workspace
 *   6. write-only secrets applied with Terraform 1.11: the state holds none, a second plan is empty
 *   7. adopt      an organization built without the library is adopted by `cdktf-tfe adopt`: imports
 *                 only, then an empty plan; 1,000 workspaces read and written
 *   8. scale      a ShardedPlatform through `cdktf deploy`, a move between shards, the cost model
 *                 against the server's request log; WorkspaceFleet: moves only, and the same plan as
 *                 per-object output for 1,000 workspaces
 * E2E_ONLY=3,7 runs the listed tiers only (for working on one; CI runs them all).
 * Writes the passed and failed counts to $E2E_WORK/counts for run.sh's closing line.
 */
import * as fs from 'fs';
import * as path from 'path';
import { App } from 'cdktf';
import { adoptTier } from './adopt';
import { cliTier } from './cli-driven';
import { deployTier } from './deploy';
import { DEVIATIONS, OTF_SOURCE, PLAN_ERRORS } from './deviations';
import { buildFixture } from './fixture';
import { loadSettings, Tier } from './harness';
import { planTier } from './plan';
import { refactorTier } from './refactor';
import { scaleTier } from './scale';
import { SynthesizedApp, validateTier } from './validate';
import { writeOnlyTier } from './write-only';

async function main(): Promise<void> {
  const settings = loadSettings();
  // cdktf gives each stack a local backend whose state file sits in the current directory: the
  // run's own work directory keeps concurrent runs (and the checkout) apart.
  process.chdir(settings.work);
  const hostname = settings.server?.hostname ?? 'tfe.example.com';

  // The example platform and the fixture, synthesized for this run's server.
  const apps: SynthesizedApp[] = [];
  {
    process.env.TFE_HOSTNAME = hostname;
    process.env.TFE_ORGANIZATION = 'acme-platform';
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { buildPlatform } = require('../examples/platform/platform');
    const outdir = path.join(settings.work, 'example-platform.out');
    const app = new App({ outdir });
    buildPlatform(app);
    app.synth();
    apps.push({ label: 'examples/platform', outdir });
  }
  {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { buildPlatformFileApp } = require('../examples/platform-file/main');
    const outdir = path.join(settings.work, 'platform-file.out');
    const app = new App({ outdir });
    buildPlatformFileApp(app, hostname);
    app.synth();
    apps.push({ label: 'examples/platform-file', outdir });
  }
  {
    const outdir = path.join(settings.work, 'fixture.out');
    const app = new App({ outdir });
    buildFixture(app, hostname);
    app.synth();
    apps.push({ label: 'fixture', outdir });
  }

  const only = process.env.E2E_ONLY ? new Set(process.env.E2E_ONLY.split(',').map(Number)) : undefined;
  const want = (n: number) => !only || only.has(n);
  const tiers: Tier[] = [];
  if (want(1)) tiers.push(await validateTier(settings, apps));
  if (want(2)) tiers.push(await planTier(settings, apps));
  const deploy = want(3) ? await deployTier(settings, 'e2e-deploy') : undefined;
  if (deploy) tiers.push(deploy.tier);
  if (want(4)) tiers.push(await cliTier(settings, 'e2e-cli'));
  if (want(5)) tiers.push(await refactorTier(settings, 'e2e-refactor'));
  if (want(6)) tiers.push(await writeOnlyTier(settings, 'e2e-write-only'));
  if (want(7)) tiers.push(await adoptTier(settings, 'e2e-adopt'));
  if (want(8)) tiers.push(await scaleTier(settings, 'e2e-scale'));

  if (deploy?.types.length) console.log(`\nDeployed and destroyed (data sources: read): ${deploy.types.join(', ')}`);
  console.log(`Server deviations asserted (${OTF_SOURCE}): ${DEVIATIONS.length} in the second plan, ${PLAN_ERRORS.length} at plan time`);
  const passed = tiers.reduce((n, t) => n + t.count('passed'), 0);
  const failed = tiers.reduce((n, t) => n + t.count('failed'), 0);
  const skipped = tiers.reduce((n, t) => n + t.count('skipped'), 0);
  if (skipped) console.log(`${skipped} checks skipped (outside CI a missing tool skips its checks; CI=true makes them failures)`);
  fs.writeFileSync(path.join(settings.work, 'counts'), `${passed} ${failed}\n`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
