/**
 * Tier 8: large organizations.
 *
 * Sharding: a ShardedPlatform (bootstrap, core and two shards, each shard
 * bound to its management workspace on the server) goes through `cdktf
 * deploy`; the shards read the core's objects from its state. A second plan
 * of every stack is empty; the deploy-cost model's request count for a plan
 * of one shard is checked against the server's request log. Then one
 * workspace moves to the other shard (`previousLayout`): the same workspace
 * and variables, now in the other shard's state, and empty plans again;
 * `cdktf destroy` removes everything.
 *
 * Compact mode: a WorkspaceGroup and a Workspace are applied, then switched
 * into a WorkspaceFleet with `movedFrom`: the plan holds moves only. And the
 * same 1,000 workspaces per object and as a fleet plan the same objects.
 */
import * as fs from 'fs';
import * as path from 'path';
import { App } from 'cdktf';
import {
  buildCompareApp, buildFleetApp, FLEET_STACK, FleetStep, MOVED_WORKSPACE, SHARDED_STACKS, SHARDED_WORKSPACES, ShardStep,
} from './apps';
import { adoptionDeviation, AttributeChange, listedDeviation, unlistedChanges } from './deviations';
import { api, cdktfProject, cliEnv, failureText, readStacks, run, runOk, Settings, Tier } from './harness';
import { appCost } from '../src/private/cost/model';

export async function scaleTier(settings: Settings, organization: string): Promise<Tier> {
  const tier = new Tier(8, 'large organizations: sharded platform (cdktf deploy, move between shards), compact mode', settings.ci);
  const server = settings.server;
  if (!server || !settings.mirror || !settings.systemTerraform) {
    const why = !server ? settings.serverMissing! : !settings.mirror ? 'no provider mirror' : 'no Terraform 1.7 or later (removed blocks)';
    tier.skip('sharded deploy, move between shards, cost model against the request log, compact mode', why);
    tier.close();
    return tier;
  }
  await shardedPlatform(settings, tier, organization);
  await fleetMove(settings, tier, `${organization}-fleet`);
  await fleetCompare(settings, tier, `${organization}-compare`, Number(process.env.E2E_COMPARE_SCALE ?? 1000));
  tier.close();
  return tier;
}

/** The sharded platform through `cdktf deploy`, a move between shards, `cdktf destroy`. */
async function shardedPlatform(settings: Settings, tier: Tier, organization: string): Promise<void> {
  const server = settings.server!;
  const terraform = settings.systemTerraform!.bin;
  const dir = path.join(settings.work, 'sharded');
  // cdktf runs the `terraform` on its PATH: removed blocks need 1.7 or later.
  const project = cdktfProject(settings, dir, 'sharded-main.ts', terraform);
  const outdir = project.outdir;
  const env = (step: ShardStep) => cliEnv(settings, {
    E2E_HOSTNAME: server.hostname,
    E2E_ORGANIZATION: organization,
    E2E_SHARD_STEP: step,
    PATH: project.path,
    CI: 'true',
    CDKTF_DISABLE_PLUGIN_CACHE_ENV: '1',
    DISABLE_VERSION_CHECK: '1',
    NODE_EXTRA_CA_CERTS: server.cert,
  });
  // A stuck cdktf (it can wait forever on a stack that failed) must not hold the suite: 10 minutes at most.
  const cdktf = (args: string[], step: ShardStep) => run(path.join(settings.root, 'node_modules', '.bin', 'cdktf'), args, { cwd: dir, env: env(step), timeoutSeconds: 600 });
  const stackDir = (stack: string) => path.join(outdir, 'stacks', stack);
  const tf = (stack: string, args: string[]) => runOk(terraform, [...args, '-no-color'], { cwd: stackDir(stack), env: env(ShardStep.INITIAL) });
  const stateOf = async (stack: string) => {
    const state = JSON.parse((await tf(stack, ['show', '-json'])).stdout);
    return (state.values?.root_module?.resources ?? []).filter((r: any) => r.mode === 'managed') as any[];
  };
  const workspaceOf = async (name: string) => (await api(server, 'GET', `/organizations/${organization}/workspaces/${name}`)).body?.data;
  const variablesOf = async (workspaceId: string) => ((await api(server, 'GET', `/workspaces/${workspaceId}/vars`)).body?.data ?? [])
    .map((v: any) => `${v.attributes.category}:${v.attributes.key}=${v.id}`).sort();
  const emptyPlans = async (name: string, stacks: string[]) => tier.check(name, async () => {
    const problems: string[] = [];
    for (const stack of stacks) {
      await tf(stack, ['plan', '-input=false', '-lock=false', '-out=check.plan']);
      const plan = JSON.parse((await tf(stack, ['show', '-json', 'check.plan'])).stdout);
      for (const rc of plan.resource_changes ?? []) {
        if (rc.change.importing) problems.push(`${stack}: ${rc.address} is imported again`);
        // Run triggers and variable set attachments update the workspaces after they are created, after which
        // OTF turns global_remote_state back on (ADOPTION_DEVIATIONS).
        const allowed = (change: AttributeChange) =>
          listedDeviation(rc.type, change) !== undefined || adoptionDeviation(rc.type, change) !== undefined;
        problems.push(...unlistedChanges(rc, allowed).map((p) => `${stack}: ${p}`));
      }
    }
    if (problems.length) throw new Error(problems.join('\n'));
    return `${stacks.join(', ')}: nothing to change beyond the listed server deviations`;
  });

  // The organization exists before the platform (the management workspaces live in it).
  const created = await api(server, 'POST', '/organizations', { data: { type: 'organizations', attributes: { name: organization, email: 'shards@e2e.example' } } });
  if (created.status !== 201) {
    tier.fail('create the organization through the API', `POST /organizations answered ${created.status}`);
    return;
  }

  // The bootstrap first, on its own: `terraform init` of a stack bound to a workspace creates the
  // workspace when it is missing (with the server's defaults), and cdktf initializes every stack it
  // deploys before it applies any (README, "Large organizations"). Then all of them, in order.
  const [bootstrap] = SHARDED_STACKS;
  const all = `${SHARDED_STACKS[0].replace(/-bootstrap$/, '')}-*`;
  const deployed = await tier.check(`cdktf deploy ${bootstrap}, then cdktf deploy '${all}' (the core, then the shards in parallel)`, async () => {
    const b = await cdktf(['deploy', bootstrap, '--auto-approve', '--skip-provider-lock'], ShardStep.INITIAL);
    fs.writeFileSync(path.join(dir, 'bootstrap.log'), b.stdout + b.stderr);
    if (b.code !== 0) throw new Error(`bootstrap: exit ${b.code}:\n${failureText(b.stdout + b.stderr)}`);
    const r = await cdktf(['deploy', all, '--auto-approve', '--skip-provider-lock'], ShardStep.INITIAL);
    fs.writeFileSync(path.join(dir, 'deploy.log'), r.stdout + r.stderr);
    if (r.code !== 0) {
      // cdktf's progress output drops Terraform's error text: a plan of each stack shows it.
      const plans = await Promise.all(SHARDED_STACKS.slice(1).map(async (s) => {
        const p = await run(terraform, ['plan', '-input=false', '-lock=false', '-no-color'], { cwd: stackDir(s), env: env(ShardStep.INITIAL) });
        return p.code === 0 ? '' : `${s}: ${failureText(p.stdout + p.stderr)}`;
      }));
      throw new Error(`exit ${r.code}:\n${failureText(r.stdout + r.stderr)}\n${plans.join('\n')}`);
    }
    const counts = await Promise.all(SHARDED_STACKS.map(async (s) => `${s} ${(await stateOf(s)).length}`));
    return `${counts.join(', ')} resources; bootstrap ${b.seconds.toFixed(1)} s, core and shards ${r.seconds.toFixed(1)} s`;
  });
  if (!deployed) {
    await cleanUp(settings, tier, dir, cdktf, organization);
    return;
  }

  await tier.check('API: the workspaces are in the organization with their variables; each shard\'s state is on its management workspace', async () => {
    const problems: string[] = [];
    for (const name of SHARDED_WORKSPACES) {
      const ws = await workspaceOf(name);
      if (!ws) {
        problems.push(`${name} not found`);
        continue;
      }
      const vars = (await variablesOf(ws.id)).map((v: string) => v.replace(/=.*/, ''));
      if (vars.join() !== 'env:TZ,terraform:region') problems.push(`${name} has variables ${vars.join(', ')}`);
    }
    for (const stack of SHARDED_STACKS.slice(1)) {
      // The management workspaces are named after the stacks (the platform's id, lowercased, is their prefix).
      const management = await workspaceOf(stack);
      const state = management ? await api(server, 'GET', `/workspaces/${management.id}/current-state-version`) : undefined;
      if (state?.status !== 200) problems.push(`management workspace ${stack} has no state (${state?.status ?? 'no workspace'})`);
    }
    if (problems.length) throw new Error(problems.join('\n'));
    return `${SHARDED_WORKSPACES.length} workspaces; states on ${SHARDED_STACKS.slice(1).join(', ')}`;
  });

  await emptyPlans('second plan of every stack: nothing to change', SHARDED_STACKS);

  await tier.check('deploy-cost model: a plan of one shard makes the requests the model counts (server request log)', async () => {
    if (!server.log) throw new Error('the server runs without a request log (OTF_LOG)');
    const stack = SHARDED_STACKS[2];
    const model = appCost(outdir).stacks.find((s) => s.stack === stack)!;
    const before = fs.statSync(server.log).size;
    await tf(stack, ['plan', '-input=false', '-out=cost.plan']);
    const log = fs.readFileSync(server.log).subarray(before).toString('utf8');
    // otfd --log-http-requests: `<date> <time> INFO request duration=.. status=.. method=GET path=/api/v2/...?`
    // (the path quoted when its query has a "="); service discovery (/.well-known) is not an API request.
    const requests = log.split('\n').filter((l) => / INFO request /.test(l) && / path="?\/api\/v2\//.test(l));
    const kinds = new Map<string, number>();
    for (const l of requests) {
      const kind = `${/ method=(\w+)/.exec(l)?.[1]} ${(/ path="?([^"\s]*)/.exec(l)?.[1] ?? '').replace(/\?.*$/, '').replace(/\/[a-z]+-[A-Za-z0-9]{16}/g, '/:id')}`;
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    }
    fs.writeFileSync(path.join(dir, 'cost-requests.log'), `${[...kinds].map(([k, n]) => `${n} ${k}`).join('\n')}\n\n${requests.join('\n')}`);
    const observed = requests.length;
    // OTF reports every workspace as sharing its state globally (the listed global_remote_state deviation), so the
    // provider skips the remote-state-consumers list the model counts for each workspace.
    const expected = model.refreshRequests - (model.byType.tfe_workspace ?? 0);
    const off = Math.abs(observed - expected) / expected;
    const detail = `${stack}: ${model.resources} resources, ${model.dataSources + model.remoteStateReads} data sources; ` +
      `the model counts ${model.refreshRequests} requests (${expected} on OTF, without the ${model.byType.tfe_workspace ?? 0} consumer lists), the server logged ${observed}`;
    if (off > 0.15) throw new Error(`${detail} (${(off * 100).toFixed(0)}% apart; the log is in ${path.join(dir, 'cost-requests.log')})`);
    return detail;
  });

  const before = await workspaceOf(MOVED_WORKSPACE);
  const beforeVars = before ? await variablesOf(before.id) : [];
  const homeShard = SHARDED_STACKS.slice(2).find((s) => fs.readFileSync(path.join(stackDir(s), 'cdk.tf.json'), 'utf8').includes(`"name": "${MOVED_WORKSPACE}"`));
  const moved = await tier.check(`move ${MOVED_WORKSPACE} to the other shard (previousLayout): cdktf deploy imports it there and the old shard forgets it`, async () => {
    const r = await cdktf(['deploy', `${SHARDED_STACKS[0].replace(/-bootstrap$/, '')}-*`, '--auto-approve', '--skip-provider-lock'], ShardStep.MOVED);
    fs.writeFileSync(path.join(dir, 'move.log'), r.stdout + r.stderr);
    if (r.code !== 0) throw new Error(`exit ${r.code}:\n${failureText(r.stdout + r.stderr)}`);
    const after = await workspaceOf(MOVED_WORKSPACE);
    const afterVars = after ? await variablesOf(after.id) : [];
    const problems: string[] = [];
    if (!before || after?.id !== before.id) problems.push(`workspace ID before ${before?.id}, after ${after?.id}`);
    if (afterVars.join() !== beforeVars.join()) problems.push(`variables before ${beforeVars.join(', ')}, after ${afterVars.join(', ')}`);
    const target = SHARDED_STACKS.slice(2).find((s) => s !== homeShard)!;
    const inOld = (await stateOf(homeShard!)).filter((res) => res.values?.name === MOVED_WORKSPACE || res.values?.workspace_id === before?.id);
    const inNew = (await stateOf(target)).filter((res) => res.values?.name === MOVED_WORKSPACE || res.values?.workspace_id === before?.id);
    if (inOld.length) problems.push(`${homeShard} still holds ${inOld.map((res) => res.address).join(', ')}`);
    if (inNew.length < 4) problems.push(`${target} holds ${inNew.map((res) => res.address).join(', ') || 'nothing'} of it`);
    const counts = (r.stdout.match(/Resources: [^\n]*/g) ?? []).filter((l) => /[1-9]\d* (added|destroyed)/.test(l));
    if (counts.length) problems.push(`the deploy added or destroyed something: ${counts.join('; ')}`);
    if (problems.length) throw new Error(problems.join('\n'));
    return `${before!.id} and its ${afterVars.length} variables: ${homeShard} -> ${target} (${inNew.length} resources imported)`;
  });
  if (moved) await emptyPlans('after the move: nothing to change in either shard', SHARDED_STACKS.slice(2));

  await cleanUp(settings, tier, dir, cdktf, organization, moved ? ShardStep.MOVED : ShardStep.INITIAL);
}

async function cleanUp(
  settings: Settings, tier: Tier, dir: string,
  cdktf: (args: string[], step: ShardStep) => Promise<{ code: number; stdout: string; stderr: string }>,
  organization: string, step: ShardStep = ShardStep.INITIAL,
): Promise<void> {
  const server = settings.server!;
  await tier.check('cdktf destroy: the shards, the core, then the bootstrap; nothing is left', async () => {
    const r = await cdktf(['destroy', `${SHARDED_STACKS[0].replace(/-bootstrap$/, '')}-*`, '--auto-approve'], step);
    fs.writeFileSync(path.join(dir, 'destroy.log'), r.stdout + r.stderr);
    if (r.code !== 0) throw new Error(`exit ${r.code}:\n${failureText(r.stdout + r.stderr)}`);
    const left = (await api(server, 'GET', `/organizations/${organization}/workspaces`)).body?.data ?? [];
    if (left.length) throw new Error(`workspaces left: ${left.map((w: any) => w.attributes.name).join(', ')}`);
    const deleted = await api(server, 'DELETE', `/organizations/${organization}`);
    if (deleted.status >= 300) throw new Error(`DELETE /organizations/${organization} answered ${deleted.status}`);
  });
}

/** A WorkspaceGroup and a Workspace applied, then switched into a WorkspaceFleet: moves only. */
async function fleetMove(settings: Settings, tier: Tier, organization: string): Promise<void> {
  const server = settings.server!;
  const env = cliEnv(settings);
  const dir = fs.mkdtempSync(path.join(settings.work, 'fleet-'));
  const use = (step: FleetStep) => {
    const outdir = path.join(settings.work, `fleet-${step}.out`);
    const app = new App({ outdir });
    buildFleetApp(app, { hostname: server.hostname, organization }, step);
    app.synth();
    const stackDir = readStacks(outdir).get(FLEET_STACK)!.dir;
    for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.fleet.json'))) fs.rmSync(path.join(dir, f));
    for (const f of fs.readdirSync(stackDir).filter((x) => x.endsWith('.json') && x !== 'metadata.json')) fs.copyFileSync(path.join(stackDir, f), path.join(dir, f));
  };
  const tf = (args: string[]) => runOk(settings.terraform, [...args, '-no-color'], { cwd: dir, env });
  const planJson = async () => {
    await tf(['plan', '-input=false', '-lock=false', '-out=step.plan']);
    return JSON.parse((await tf(['show', '-json', 'step.plan'])).stdout);
  };
  const ids = async () => Object.fromEntries(await Promise.all(['fam-dev', 'fam-prod', 'solo'].map(async (n) =>
    [n, (await api(server, 'GET', `/organizations/${organization}/workspaces/${n}`)).body?.data?.id])));

  const applied = await tier.check('compact mode: apply a WorkspaceGroup and a Workspace (one block per object)', async () => {
    use(FleetStep.PER_OBJECT);
    await tf(['init', '-input=false']);
    await tf(['apply', '-input=false', '-auto-approve']);
  });
  if (!applied) return;
  const original = await ids();

  await tier.check('compact mode: switched into a WorkspaceFleet with movedFrom, the plan holds moves only', async () => {
    use(FleetStep.COMPACT);
    const plan = await planJson();
    const changes: any[] = plan.resource_changes ?? [];
    const problems = changes.flatMap((rc) => unlistedChanges(rc));
    const moved = changes.filter((rc) => rc.previous_address);
    const notMoved = changes.filter((rc) => !rc.previous_address && rc.type !== 'tfe_organization');
    if (notMoved.length) problems.push(`not moved: ${notMoved.map((rc) => `${rc.address} (${rc.change.actions.join('+')})`).join(', ')}`);
    const byType = (rcs: any[]) => rcs.reduce((m: Record<string, number>, rc) => ({ ...m, [rc.type]: (m[rc.type] ?? 0) + 1 }), {});
    // fam-dev: region, owner, size, TZ; fam-prod: region, owner, TZ; solo: region, owner
    const expected = { tfe_variable: 9, tfe_workspace: 3, tfe_workspace_settings: 3 };
    if (JSON.stringify(byType(moved)) !== JSON.stringify(expected)) problems.push(`moved ${JSON.stringify(byType(moved))}, expected ${JSON.stringify(expected)}`);
    if (problems.length) throw new Error(problems.join('\n'));
    return `${moved.length} moves (${Object.entries(byType(moved)).map(([t, n]) => `${n} ${t}`).join(', ')}), nothing else`;
  });

  await tier.check('compact mode: apply the moves; the same workspaces; a second plan is empty', async () => {
    const r = await tf(['apply', '-input=false', '-auto-approve']);
    if (!/ 0 added, .* 0 destroyed/.test(r.stdout)) throw new Error(`the apply added or destroyed something:\n${r.stdout}`);
    const now = await ids();
    if (JSON.stringify(now) !== JSON.stringify(original)) throw new Error(`workspace IDs before ${JSON.stringify(original)}, after ${JSON.stringify(now)}`);
    const plan = await planJson();
    // The apply updated the workspaces for the listed deviations, after which OTF turns global_remote_state
    // back on (ADOPTION_DEVIATIONS).
    const problems = (plan.resource_changes ?? []).flatMap((rc: any) =>
      unlistedChanges(rc, (change) => listedDeviation(rc.type, change) !== undefined || adoptionDeviation(rc.type, change) !== undefined));
    if (problems.length) throw new Error(problems.join('\n'));
    return Object.values(now).join(', ');
  });

  await tier.check('compact mode: destroy', async () => {
    await tf(['destroy', '-input=false', '-auto-approve']);
    const org = await api(server, 'GET', `/organizations/${organization}`);
    if (org.status !== 404) throw new Error(`the organization is still there (GET answered ${org.status})`);
  });
}

/** The same workspaces per object and as a WorkspaceFleet: the same planned objects. */
async function fleetCompare(settings: Settings, tier: Tier, organization: string, n: number): Promise<void> {
  const server = settings.server!;
  const env = cliEnv(settings);
  const plans: Record<string, any[]> = {};
  const seconds: Record<string, number> = {};
  for (const compact of [false, true]) {
    const label = compact ? 'compact' : 'per-object';
    const ok = await tier.check(`compact mode: plan ${n} workspaces ${label}`, async () => {
      const outdir = path.join(settings.work, `compare-${label}.out`);
      const t0 = performance.now();
      const app = new App({ outdir, context: { 'cdktf-tfe-constructs:accessReport': false } });
      buildCompareApp(app, { hostname: server.hostname, organization }, compact, n);
      app.synth();
      const synthMs = performance.now() - t0;
      const dir = readStacks(outdir).get(FLEET_STACK)!.dir;
      await runOk(settings.terraform, ['init', '-input=false', '-no-color'], { cwd: dir, env });
      const t1 = performance.now();
      await runOk(settings.terraform, ['plan', '-input=false', '-lock=false', '-no-color', '-out=compare.plan'], { cwd: dir, env });
      seconds[label] = (performance.now() - t1) / 1000;
      const plan = JSON.parse((await runOk(settings.terraform, ['show', '-json', 'compare.plan'], { cwd: dir, env, maxBuffer: 1024 * 1024 * 1024 } as any)).stdout);
      plans[label] = plan.resource_changes ?? [];
      const bytes = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).reduce((s, f) => s + fs.statSync(path.join(dir, f)).size, 0);
      return `${plans[label].length} planned objects; synthesized in ${(synthMs / 1000).toFixed(1)} s (${(bytes / 1e6).toFixed(1)} MB), planned in ${seconds[label].toFixed(1)} s`;
    });
    if (!ok) return;
  }
  await tier.check(`compact mode: the ${n} workspaces plan the same objects per object and as a fleet`, async () => {
    // Each planned object by its type and its values (addresses differ; references to objects not
    // yet created are unknown in both).
    const key = (rc: any) => `${rc.type} ${JSON.stringify(sorted(rc.change.after))} ${JSON.stringify(sorted(rc.change.after_unknown))}`;
    const count = (rcs: any[]) => rcs.reduce((m, rc) => m.set(key(rc), (m.get(key(rc)) ?? 0) + 1), new Map<string, number>());
    const a = count(plans['per-object']);
    const b = count(plans.compact);
    const differ = [...new Set([...a.keys(), ...b.keys()])].filter((k) => a.get(k) !== b.get(k));
    if (plans['per-object'].some((rc) => rc.change.actions.join() !== 'create')) throw new Error('the per-object plan holds more than creates');
    if (differ.length) throw new Error(`${differ.length} objects differ, e.g.\n${differ.slice(0, 5).map((k) => `${k}: per object ${a.get(k) ?? 0}, fleet ${b.get(k) ?? 0}`).join('\n')}`);
    const types = plans.compact.reduce((m: Record<string, number>, rc: any) => ({ ...m, [rc.type]: (m[rc.type] ?? 0) + 1 }), {});
    return `${plans.compact.length} objects each (${Object.entries(types).map(([t, c]) => `${c} ${t}`).join(', ')})`;
  });
}

function sorted(value: any): any {
  if (Array.isArray(value)) return value.map(sorted);
  if (value && typeof value === 'object') return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sorted(value[k])]));
  return value;
}
