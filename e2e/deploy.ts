/**
 * Tier 3: the deploy app (apps.ts) goes through `cdktf deploy` against the
 * suite's server; a second `terraform plan` must be empty apart from the
 * listed server deviations (deviations.ts); `cdktf destroy` removes the
 * platform stack, after which the API must show only the organization stack's
 * objects, and destroying that stack must leave nothing at all. Before the destroy, the CDK
 * Terrain flavour's synth of the same app must plan exactly that second plan (flavours.ts).
 */
import * as fs from 'fs';
import * as path from 'path';
import { App } from 'cdktf';
import { buildDeployApp, DEPLOY_SECRETS, DEPLOY_STACKS } from './apps';
import { changedAttributes, describe, DEVIATIONS, Deviation, listedDeviation } from './deviations';
import { crossFlavourPlan } from './flavours';
import { api, cdktfProject, cliEnv, failureText, run, runOk, Server, Settings, Tier } from './harness';
import { Variable } from '../src';

/** A resource of the deployed state, with what the API needs to find it. */
interface Deployed {
  readonly stack: string;
  readonly address: string;
  readonly type: string;
  readonly values: any;
}

export async function deployTier(settings: Settings, organization: string): Promise<{ tier: Tier; types: string[] }> {
  const tier = new Tier(3, 'deploy, second plan, destroy (cdktf deploy / cdktf destroy)', settings.ci);
  const server = settings.server;
  if (!server || !settings.mirror) {
    tier.skip('cdktf deploy, second plan, cdktf destroy, API checks', server ? 'no provider mirror' : settings.serverMissing!);
    tier.close();
    return { tier, types: [] };
  }

  const dir = path.join(settings.work, 'deploy');
  // cdktf runs the `terraform` on its PATH: the built 1.5.7.
  const project = cdktfProject(settings, dir, 'deploy-main.ts', settings.terraform);
  const outdir = project.outdir;
  const secrets = Object.fromEntries(Object.entries(DEPLOY_SECRETS).map(([k, v]) => [`TF_VAR_${k}`, v]));
  const env = cliEnv(settings, {
    ...secrets,
    E2E_HOSTNAME: server.hostname,
    E2E_ORGANIZATION: organization,
    PATH: project.path,
    CI: 'true', // plain progress output
    CDKTF_DISABLE_PLUGIN_CACHE_ENV: '1', // no shared ~/.terraform.d/plugin-cache between concurrent runs
    DISABLE_VERSION_CHECK: '1',
    NODE_EXTRA_CA_CERTS: server.cert,
  });
  const cdktf = (args: string[]) => run(path.join(settings.root, 'node_modules', '.bin', 'cdktf'), args, { cwd: dir, env });
  const stackDirOf = (stack: string) => path.join(outdir, 'stacks', stack);

  const [orgStack, platformStack] = DEPLOY_STACKS;
  let deployed: Deployed[] = [];
  const lookups = new Set<string>();
  const ok = await tier.check(`cdktf deploy ${DEPLOY_STACKS.join(' ')}`, async () => {
    const r = await cdktf(['deploy', ...DEPLOY_STACKS, '--auto-approve', '--skip-provider-lock']);
    fs.writeFileSync(path.join(dir, 'deploy.log'), r.stdout + r.stderr);
    if (r.code !== 0) throw new Error(`exit ${r.code}:\n${failureText(r.stdout + r.stderr)}`);
    deployed = await readState(settings, env, DEPLOY_STACKS.map((s) => [s, stackDirOf(s)]), lookups);
    const types = new Set(deployed.map((d) => d.type));
    return `${deployed.length} resources of ${types.size} types in ${r.seconds.toFixed(1)}s`;
  });
  if (!ok) {
    // The other checks need the deployment; whatever was created goes with this run's server.
    tier.close();
    return { tier, types: [] };
  }

  await tier.check('API: every deployed object is there', async () => {
    const missing: string[] = [];
    for (const d of deployed) if (!(await present(server, d))) missing.push(d.address);
    if (missing.length) throw new Error(`not found through the API: ${missing.join(', ')}`);
    return `${deployed.length} objects`;
  });

  await tier.check('lookups (data sources) find the organization stack\'s objects', async () => {
    const outputs = JSON.parse((await runOk(settings.terraform, ['output', '-json'], { cwd: stackDirOf(platformStack), env })).stdout);
    const found = outputs.lookups?.value ?? {};
    const ofOrgStack = (type: string, attribute = 'id') => deployed.find((d) => d.stack === orgStack && d.type === type)?.values[attribute];
    const owners = await api(server, 'GET', `/organizations/${organization}/teams/owners`);
    const expected = {
      upstream: ofOrgStack('tfe_workspace'),
      org_defaults: ofOrgStack('tfe_variable_set'),
      owners: owners.body?.data?.id,
      gitlab: ofOrgStack('tfe_oauth_client', 'oauth_token_id'),
    };
    const wrong = Object.entries(expected).filter(([k, v]) => !v || found[k] !== v);
    if (wrong.length) throw new Error(`found ${JSON.stringify(found)}, expected ${JSON.stringify(expected)}`);
    return Object.entries(found).map(([k, v]) => `${k} = ${v}`).join(', ');
  });

  await tier.check('API: every variable holds the key, category, flags and text the program gave it', async () => {
    // The program again, in-process, for what each Variable was given. VariableValue.text is the
    // text written to cdk.tf.json, with literal "${" and "%{" escaped for Terraform; the server
    // must receive it with those escapes undone, as Terraform reads it.
    const app = new App({ outdir: path.join(dir, 'in-process.out') });
    buildDeployApp(app, { hostname: server.hostname, organization });
    const declared = app.node.findAll().filter((c): c is Variable => c instanceof Variable);
    const problems: string[] = [];
    for (const v of declared) {
      const address = `tfe_variable.${v.friendlyUniqueId}`;
      const d = deployed.find((x) => x.address === address);
      if (!d) {
        problems.push(`${v.node.path}: ${address} is not in the state`);
        continue;
      }
      const varPath = d.values.workspace_id
        ? `/workspaces/${d.values.workspace_id}/vars/${d.values.id}`
        : `/varsets/${d.values.variable_set_id}/relationships/vars/${d.values.id}`;
      const got = (await api(server, 'GET', varPath)).body?.data?.attributes ?? {};
      // A sensitive value is never served back.
      const want = {
        key: v.key,
        category: v.category,
        sensitive: v.sensitive,
        hcl: d.values.hcl,
        value: v.sensitive ? undefined : unescapeTemplate(v.value.text),
      };
      const served = {
        key: got.key,
        category: got.category,
        sensitive: got.sensitive,
        hcl: got.hcl,
        value: v.sensitive ? got.value || undefined : got.value,
      };
      if (JSON.stringify(want) !== JSON.stringify(served)) problems.push(`${v.node.path}: expected ${JSON.stringify(want)}, served ${JSON.stringify(served)}`);
    }
    if (problems.length) throw new Error(problems.join('\n'));
    return `${declared.length} variables (${declared.filter((v) => v.sensitive).length} sensitive, value hidden)`;
  });

  await secondPlan(settings, tier, env, DEPLOY_STACKS.map((s) => [s, stackDirOf(s)]));
  await crossFlavourPlan(settings, tier, env, dir, 'deploy-main.ts', DEPLOY_STACKS.map((s) => [s, stackDirOf(s)]));

  const platformObjects = deployed.filter((d) => d.stack === platformStack);
  const destroyedPlatform = await tier.check(`cdktf destroy ${platformStack}`, async () => {
    const r = await cdktf(['destroy', platformStack, '--auto-approve', '--skip-provider-lock']);
    fs.writeFileSync(path.join(dir, 'destroy-platform.log'), r.stdout + r.stderr);
    if (r.code !== 0) throw new Error(`exit ${r.code}:\n${failureText(r.stdout + r.stderr)}`);
    return `${r.seconds.toFixed(1)}s`;
  });
  if (destroyedPlatform) {
    await tier.check(`API: nothing of ${platformStack} is left, only ${orgStack}'s objects`, async () => {
      const left: string[] = [];
      for (const d of platformObjects) if (await present(server, d)) left.push(d.address);
      const org = encodeURIComponent(organization);
      const kept = deployed.filter((d) => d.stack === orgStack);
      const keptIds = (type: string) => kept.filter((d) => d.type === type).map((d) => d.values.id);
      const lists: [string, string[]][] = [
        [`/organizations/${org}/workspaces`, keptIds('tfe_workspace')],
        [`/organizations/${org}/teams`, []],
        [`/organizations/${org}/varsets`, keptIds('tfe_variable_set')],
        [`/organizations/${org}/oauth-clients`, keptIds('tfe_oauth_client')],
        [`/organizations/${org}/agent-pools`, []],
      ];
      for (const [list, expected] of lists) {
        const r = await api(server, 'GET', list);
        if (r.status !== 200) throw new Error(`GET ${list} answered ${r.status}`);
        // Every organization has its owners team.
        const items = (r.body.data ?? []).filter((i: any) => !expected.includes(i.id) && !(list.endsWith('/teams') && i.attributes?.name === 'owners'));
        if (items.length) left.push(`${list}: ${items.map((i: any) => i.attributes?.name ?? i.id).join(', ')}`);
        const missing = expected.filter((id) => !(r.body.data ?? []).some((i: any) => i.id === id));
        if (missing.length) left.push(`${list} lacks ${missing.join(', ')} of ${orgStack}`);
      }
      if (left.length) throw new Error(`still there: ${left.join('; ')}`);
      return `${platformObjects.length} objects gone; no workspace, team, variable set, OAuth client or agent pool but the owners team and ${kept.length} objects of ${orgStack}`;
    });
  }
  const destroyedOrg = await tier.check(`cdktf destroy ${orgStack}`, async () => {
    // The platform stack depends on this one and is already destroyed.
    const r = await cdktf(['destroy', orgStack, '--auto-approve', '--skip-provider-lock', '--ignore-missing-stack-dependencies']);
    fs.writeFileSync(path.join(dir, 'destroy-organization.log'), r.stdout + r.stderr);
    if (r.code !== 0) throw new Error(`exit ${r.code}:\n${failureText(r.stdout + r.stderr)}`);
    return `${r.seconds.toFixed(1)}s`;
  });
  if (destroyedOrg) {
    await tier.check('API: nothing is left at all', async () => {
      const left: string[] = [];
      for (const d of deployed) if (await present(server, d)) left.push(d.address);
      const orgs = await api(server, 'GET', '/organizations?page%5Bsize%5D=100');
      if (orgs.status !== 200) throw new Error(`GET /organizations answered ${orgs.status}`);
      if ((orgs.body.data ?? []).some((o: any) => o.id === organization || o.attributes?.name === organization)) left.push(`organization ${organization}`);
      if (left.length) throw new Error(`still there: ${left.join(', ')}`);
      return `${deployed.length} objects and the organization gone`;
    });
  }
  tier.close();
  return { tier, types: [...new Set(deployed.map((d) => d.type)), ...lookups].sort() };
}

/** The second plan: empty but for the listed deviations, each of which must still occur. */
async function secondPlan(settings: Settings, tier: Tier, env: NodeJS.ProcessEnv, stacks: [string, string][]): Promise<void> {
  const observed = new Set<Deviation>();
  await tier.check('second plan: no change beyond the listed server deviations', async () => {
    const problems: string[] = [];
    let changed = 0;
    for (const [stack, dir] of stacks) {
      await runOk(settings.terraform, ['plan', '-input=false', '-lock=false', '-no-color', '-out=second.plan'], { cwd: dir, env });
      const plan = JSON.parse((await runOk(settings.terraform, ['show', '-json', 'second.plan'], { cwd: dir, env })).stdout);
      fs.writeFileSync(path.join(dir, 'second-plan.json'), JSON.stringify(plan, null, 2));
      for (const rc of plan.resource_changes ?? []) {
        const actions: string[] = rc.change.actions;
        if (actions.join() === 'no-op' || actions.join() === 'read') continue;
        changed++;
        if (actions.join() !== 'update') {
          problems.push(`${stack}: ${rc.address} plans ${actions.join('+')}`);
          continue;
        }
        for (const change of changedAttributes(rc.change.before, rc.change.after, rc.change.after_unknown)) {
          const listed = listedDeviation(rc.type, change);
          if (listed) observed.add(listed);
          else problems.push(`${stack}: ${rc.address}: ${describe(change)} (not a listed deviation)`);
        }
      }
      for (const [name, oc] of Object.entries<any>(plan.output_changes ?? {})) {
        if (oc.actions.join() !== 'no-op') problems.push(`${stack}: output ${name} plans ${oc.actions.join('+')}`);
      }
    }
    if (problems.length) throw new Error(problems.join('\n'));
    return `${changed} resources show only listed deviations`;
  });
  for (const d of DEVIATIONS) {
    const name = `deviation still occurs: ${d.resourceType}.${d.attribute} (served ${JSON.stringify(d.served)}, configured ${JSON.stringify(d.configured)})`;
    if (observed.has(d)) tier.pass(name, `${d.sources.join(', ')}`);
    else tier.fail(name, 'listed in e2e/deviations.ts but not seen in the second plan: remove it, or find what hides it');
  }
}

/** The managed resources in each stack's state; the data sources' types go to `lookups`. */
async function readState(settings: Settings, env: NodeJS.ProcessEnv, stacks: [string, string][], lookups: Set<string>): Promise<Deployed[]> {
  const out: Deployed[] = [];
  for (const [stack, dir] of stacks) {
    const state = JSON.parse((await runOk(settings.terraform, ['show', '-json'], { cwd: dir, env })).stdout);
    for (const r of state.values?.root_module?.resources ?? []) {
      if (r.mode === 'managed') out.push({ stack, address: r.address, type: r.type, values: r.values });
      if (r.mode === 'data') lookups.add(`data.${r.type}`);
    }
  }
  return out;
}

/** Whether the server still has a deployed object, asked through its API. */
async function present(server: Server, d: Deployed): Promise<boolean> {
  const v = d.values;
  const get = async (p: string) => {
    const r = await api(server, 'GET', p);
    // OTF answers a GET of an organization's token with 201 (internal/organization/api/tfe.go).
    if (r.status === 200 || r.status === 201) return r.body;
    if (r.status === 404) return undefined;
    throw new Error(`GET ${p} answered ${r.status}: ${JSON.stringify(r.body)}`);
  };
  switch (d.type) {
    case 'tfe_organization': return !!(await get(`/organizations/${v.name}`));
    case 'tfe_organization_token': return !!(await get(`/organizations/${v.organization}/authentication-token`));
    case 'tfe_team': return !!(await get(`/teams/${v.id}`));
    case 'tfe_team_token': return !!(await get(`/teams/${v.team_id}/authentication-token`));
    case 'tfe_oauth_client': return !!(await get(`/oauth-clients/${v.id}`));
    case 'tfe_workspace': return !!(await get(`/workspaces/${v.id}`));
    case 'tfe_workspace_settings': return !!(await get(`/workspaces/${v.workspace_id}`));
    case 'tfe_variable_set': return !!(await get(`/varsets/${v.id}`));
    case 'tfe_variable': return !!(await get(v.workspace_id ? `/workspaces/${v.workspace_id}/vars/${v.id}` : `/varsets/${v.variable_set_id}/relationships/vars/${v.id}`));
    case 'tfe_workspace_variable_set': {
      const sets = await get(`/workspaces/${v.workspace_id}/varsets`);
      return !!sets && (sets.data ?? []).some((s: any) => s.id === v.variable_set_id);
    }
    case 'tfe_run_trigger': return !!(await get(`/run-triggers/${v.id}`));
    case 'tfe_notification_configuration': return !!(await get(`/notification-configurations/${v.id}`));
    case 'tfe_agent_pool': return !!(await get(`/agent-pools/${v.id}`));
    case 'tfe_agent_token': return !!(await get(`/authentication-tokens/${v.id}`));
    case 'tfe_agent_pool_allowed_workspaces': {
      const pool = await get(`/agent-pools/${v.agent_pool_id}`);
      const allowed: string[] = (pool?.data?.relationships?.['allowed-workspaces']?.data ?? []).map((w: any) => w.id);
      return !!pool && (v.allowed_workspace_ids as string[]).every((id) => allowed.includes(id));
    }
    default: throw new Error(`no API lookup for ${d.type} (${d.address}): add one to e2e/deploy.ts`);
  }
}

/** A Terraform string template's escapes undone: `$${` is a literal `${`, `%%{` a literal `%{`. */
function unescapeTemplate(text: string): string {
  return text.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');
}
