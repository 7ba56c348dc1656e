/**
 * Tier 7: adoption. An organization is built without this library (raw
 * Terraform JSON with the tfe provider, whose state is then thrown away, so
 * that nothing manages it any more), `cdktf-tfe adopt` reads it through the
 * API and writes a TypeScript program, the program synthesizes, and
 * `terraform plan` shows imports only (no add, no destroy, no change beyond
 * the listed server deviations); the apply imports everything; the next plan
 * is empty. Then the scale check: an organization of 1,000 workspaces (made
 * through the API) is read and written, the requests, wall time and the
 * program's synth time are reported.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ADOPTION_DEVIATIONS, adoptionDeviation, importArtifact, listedDeviation, unlistedChanges } from './deviations';
import { api, checkoutTsconfig, cliEnv, failureText, pool, runOk, Server, Settings, Tier } from './harness';
import { main as adopt } from '../src/private/adopt/cli';

/** The sensitive values the populated organization holds, by the generated program's input names. */
const SECRETS: Record<string, string> = {
  api_db_password: 'e2e-adopt-db-password',
  api_api_key: 'e2e-adopt-api-key',
  shared_shared_token: 'e2e-adopt-shared-token',
};

/** The organization, written as raw Terraform JSON (no library): what a team built by hand. */
function populateConfig(server: Server, organization: string): any {
  const org = '${tfe_organization.org.name}';
  const ws = (name: string, extra: Record<string, unknown> = {}) => ({ name, organization: org, ...extra });
  const variable = (workspace: string, key: string, value: string, extra: Record<string, unknown> = {}) =>
    ({ key, value, category: 'terraform', workspace_id: `\${tfe_workspace.${workspace}.id}`, ...extra });
  return {
    terraform: { required_providers: { tfe: { source: 'hashicorp/tfe', version: '0.71.0' } } },
    provider: { tfe: { hostname: server.hostname } },
    resource: {
      tfe_organization: { org: { name: organization, email: 'platform@adopt.e2e.invalid' } },
      tfe_team: {
        ops: { name: 'ops', organization: org, visibility: 'organization' },
        devs: { name: 'devs', organization: org, organization_access: { manage_workspaces: true } },
      },
      tfe_workspace: {
        net_dev: ws('networking-dev', { tag_names: ['networking'] }),
        net_prod: ws('networking-prod', { tag_names: ['networking', 'prod'], auto_apply: true }),
        api: ws('api', { description: 'The API', working_directory: 'infra', tag_names: ['app'], terraform_version: '1.5.7', queue_all_runs: false }),
        web: ws('web', { allow_destroy_plan: false }),
      },
      tfe_variable: {
        region: variable('api', 'region', 'eu-west-1', { description: 'where it runs' }),
        sizes: variable('api', 'sizes', '{ small = 1, large = 3 }', { hcl: true }),
        log: variable('api', 'LOG_LEVEL', 'debug', { category: 'env' }),
        db: variable('api', 'db_password', SECRETS.api_db_password, { sensitive: true }),
        key: variable('api', 'API_KEY', SECRETS.api_api_key, { category: 'env', sensitive: true }),
        cidr: variable('net_dev', 'cidr', '10.0.0.0/16'),
        shared_region: { key: 'default_region', value: 'eu-central-1', category: 'terraform', variable_set_id: '${tfe_variable_set.shared.id}' },
        shared_token: { key: 'SHARED_TOKEN', value: SECRETS.shared_shared_token, category: 'env', sensitive: true, variable_set_id: '${tfe_variable_set.shared.id}' },
      },
      tfe_variable_set: { shared: { name: 'shared', description: 'shared settings', organization: org } },
      tfe_workspace_variable_set: {
        api: { variable_set_id: '${tfe_variable_set.shared.id}', workspace_id: '${tfe_workspace.api.id}' },
        dev: { variable_set_id: '${tfe_variable_set.shared.id}', workspace_id: '${tfe_workspace.net_dev.id}' },
      },
      tfe_run_trigger: {
        web_after_api: { workspace_id: '${tfe_workspace.web.id}', sourceable_id: '${tfe_workspace.api.id}' },
        prod_after_dev: { workspace_id: '${tfe_workspace.net_prod.id}', sourceable_id: '${tfe_workspace.net_dev.id}' },
      },
      tfe_notification_configuration: {
        hook: {
          name: 'deploys',
          workspace_id: '${tfe_workspace.api.id}',
          destination_type: 'generic',
          url: 'https://hooks.adopt.e2e.invalid/tfe',
          triggers: ['run:errored', 'run:completed'],
          enabled: true,
        },
      },
    },
  };
}

export async function adoptTier(settings: Settings, organization: string): Promise<Tier> {
  const tier = new Tier(7, 'adoption (cdktf-tfe adopt): imports only, then an empty plan; 1,000 workspaces', settings.ci);
  const server = settings.server;
  if (!server || !settings.mirror) {
    tier.skip('populate, adopt, synthesize, plan (imports only), apply, empty plan; scale', server ? 'no provider mirror' : settings.serverMissing!);
    tier.close();
    return tier;
  }
  const dir = path.join(settings.work, 'adopt');
  fs.mkdirSync(path.join(dir, 'populate'), { recursive: true });
  const env = cliEnv(settings);
  const tf = (cwd: string, args: string[], extra: NodeJS.ProcessEnv = {}) =>
    runOk(settings.terraform, [...args, '-no-color'], { cwd, env: { ...env, ...extra } });

  const populated = await tier.check('populate an organization with raw Terraform (no library), then forget its state', async () => {
    const cwd = path.join(dir, 'populate');
    fs.writeFileSync(path.join(cwd, 'main.tf.json'), JSON.stringify(populateConfig(server, organization), null, 2));
    await tf(cwd, ['init', '-input=false']);
    await tf(cwd, ['apply', '-auto-approve', '-input=false']);
    const count = JSON.parse((await tf(cwd, ['show', '-json'])).stdout).values.root_module.resources.length;
    fs.rmSync(path.join(cwd, 'terraform.tfstate'));
    return `${count} objects made, the state removed`;
  });
  if (!populated) {
    tier.close();
    return tier;
  }

  // The generator runs in this process, as `npx cdktf-tfe adopt` would: token from TFE_TOKEN,
  // the server's certificate from SSL_CERT_FILE.
  const withEnv = async <T>(vars: Record<string, string>, fn: () => Promise<T>): Promise<T> => {
    const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
    Object.assign(process.env, vars);
    try {
      return await fn();
    } finally {
      for (const [k, val] of Object.entries(saved)) {
        if (val === undefined) delete process.env[k];
        else process.env[k] = val;
      }
    }
  };
  const generate = async (org: string, out: string, extra: string[] = []) => {
    const stdout: string[] = [];
    const stderr: string[] = [];
    const sink = (lines: string[]) => ({ write: (s: string) => lines.push(s) }) as any;
    const started = Date.now();
    const code = await withEnv({ TFE_TOKEN: server.token, SSL_CERT_FILE: server.caBundle }, () => adopt(
      ['adopt', '--organization', org, '--hostname', server.hostname, '--out', out, '--library-module', path.join(settings.root, 'src'), ...extra],
      sink(stdout), sink(stderr)));
    if (code !== 0) throw new Error(`cdktf-tfe adopt exited ${code}:\n${stderr.join('')}${stdout.join('')}`);
    return { stdout: stdout.join(''), stderr: stderr.join(''), seconds: (Date.now() - started) / 1000 };
  };
  // The generated program runs with this checkout's packages (NODE_PATH) and the library's sources.
  const synth = async (out: string) => {
    // Type-checked against this checkout's packages, as the program's own node_modules would be.
    fs.writeFileSync(path.join(out, 'tsconfig.json'), checkoutTsconfig(settings.root));
    const started = Date.now();
    await runOk(path.join(settings.root, 'node_modules', '.bin', 'ts-node'), ['main.ts'], {
      cwd: out,
      env: { ...process.env, NODE_PATH: path.join(settings.root, 'node_modules'), TS_NODE_PROJECT: path.join(out, 'tsconfig.json') },
    });
    const stackFile = path.join(out, 'cdktf.out', 'stacks', fs.readdirSync(path.join(out, 'cdktf.out', 'stacks'))[0], 'cdk.tf.json');
    return { stackFile, seconds: (Date.now() - started) / 1000 };
  };

  const out = path.join(dir, 'program');
  let stackFile = '';
  const generated = await tier.check('cdktf-tfe adopt writes the TypeScript program and its report', async () => {
    const g = await generate(organization, out, ['--record', path.join(dir, 'recording.json')]);
    const report = fs.readFileSync(path.join(out, 'adoption-report.md'), 'utf8');
    for (const input of Object.keys(SECRETS)) {
      if (!report.includes(`\`${input}\``)) throw new Error(`the report does not name the sensitive input ${input}:\n${report}`);
    }
    if (!/networking-/.test(fs.readFileSync(path.join(out, 'main.ts'), 'utf8')) || !/new WorkspaceGroup\(/.test(fs.readFileSync(path.join(out, 'main.ts'), 'utf8'))) {
      throw new Error('the networking-* family is not written as a WorkspaceGroup');
    }
    const recording = fs.readFileSync(path.join(dir, 'recording.json'), 'utf8');
    if (recording.includes(server.token)) throw new Error('the recording holds the API token');
    return g.stdout.trim().split('\n').slice(0, 2).join('; ');
  });
  const synthesized = generated && await tier.check('the generated program synthesizes', async () => {
    const s = await synth(out);
    stackFile = s.stackFile;
    const json = JSON.parse(fs.readFileSync(stackFile, 'utf8'));
    return `${(json.import ?? []).length} import blocks, ${s.seconds.toFixed(1)} s`;
  });
  if (synthesized) {
    const cwd = path.join(dir, 'plan');
    fs.mkdirSync(cwd, { recursive: true });
    fs.copyFileSync(stackFile, path.join(cwd, 'cdk.tf.json'));
    const secrets = Object.fromEntries(Object.entries(SECRETS).map(([k, val]) => [`TF_VAR_${k}`, val]));
    const imports = JSON.parse(fs.readFileSync(stackFile, 'utf8')).import?.length ?? 0;
    // The sensitive variables: OTF refuses the update the provider plans for them after an import
    // (APPLY_REFUSALS in deviations.ts), so it stays planned; everything else must settle.
    const sensitive = new Set(Object.entries<any>(JSON.parse(fs.readFileSync(stackFile, 'utf8')).resource.tfe_variable ?? {})
      .filter(([, r]) => r.sensitive === true).map(([name]) => `tfe_variable.${name}`));
    const observed = new Set<unknown>();
    const checkPlan = async (label: string, expectImports: number, first: boolean) => {
      await tf(cwd, ['plan', '-input=false', '-lock=false', `-out=${label}.plan`], secrets);
      const plan = JSON.parse((await tf(cwd, ['show', '-json', `${label}.plan`])).stdout);
      const problems: string[] = [];
      let importing = 0;
      let deviations = 0;
      let artifacts = 0;
      for (const rc of plan.resource_changes ?? []) {
        if (rc.change.importing) importing++;
        problems.push(...unlistedChanges(rc, (change) => {
          const adoption = first ? undefined : adoptionDeviation(rc.type, change);
          if (adoption) observed.add(adoption);
          if (listedDeviation(rc.type, change) || adoption) {
            deviations++;
            return true;
          }
          if ((first ? rc.change.importing : sensitive.has(rc.address)) && importArtifact(rc.type, change)) {
            artifacts++;
            return true;
          }
          return false;
        }));
      }
      if (importing !== expectImports) problems.push(`${importing} resources to import, expected ${expectImports}`);
      if (problems.length) throw new Error(problems.join('\n'));
      return `${importing} to import, 0 to add, 0 to destroy, no change beyond ${deviations} listed server deviations and ${artifacts} ` +
        (first ? 'listed import artifacts of the provider' : 'sensitive variables whose update OTF refuses (listed)');
    };
    await tier.check('terraform init (1.5.7)', async () => {
      await tf(cwd, ['init', '-input=false']);
    });
    const planned = await tier.check('first plan: imports only', () => checkPlan('first', imports, true));
    // OTF refuses the update the provider plans for an imported sensitive variable (APPLY_REFUSALS),
    // with a 500 that the provider retries for about six minutes: the apply targets everything else,
    // and the sensitive variables are imported with `terraform import`, which updates nothing.
    const applied = planned && await tier.check('apply: every object imported, nothing created or destroyed', async () => {
      const json = JSON.parse(fs.readFileSync(stackFile, 'utf8'));
      const targets = (json.import ?? []).map((i: any) => i.to as string).filter((to: string) => !sensitive.has(to));
      const result = await tf(cwd, ['apply', '-input=false', '-auto-approve', ...targets.map((t: string) => `-target=${t}`)], secrets);
      const m = /Apply complete! Resources: (\d+) imported, (\d+) added, (\d+) changed, (\d+) destroyed/.exec(result.stdout);
      if (!m) throw new Error(`no summary line in the apply's output:\n${failureText(result.stdout)}`);
      if (Number(m[1]) !== targets.length || m[2] !== '0' || m[4] !== '0') throw new Error(`apply: ${m[0]} (expected ${targets.length} imported, 0 added, 0 destroyed)`);
      for (const block of (json.import ?? []).filter((i: any) => sensitive.has(i.to))) {
        await tf(cwd, ['import', '-input=false', block.to, block.id], secrets);
      }
      const state = (await tf(cwd, ['state', 'list'])).stdout.trim().split('\n').filter((l) => !l.startsWith('data.'));
      if (state.length !== imports) throw new Error(`${state.length} objects in the state, expected ${imports}`);
      return `${m[0]}; ${sensitive.size} sensitive variables imported with terraform import; ${state.length} objects in the state`;
    });
    if (applied) {
      await tier.check('second plan: empty apart from the listed server deviations', () => checkPlan('second', 0, false));
      for (const d of ADOPTION_DEVIATIONS) {
        const name = `adoption deviation still occurs: ${d.resourceType}.${d.attribute} (served ${JSON.stringify(d.served)}, configured ${JSON.stringify(d.configured)})`;
        if (observed.has(d)) tier.pass(name, d.sources.join(', '));
        else tier.fail(name, 'listed in e2e/deviations.ts but not seen in the second plan: remove it, or find what hides it');
      }
      await tier.check('API: the sensitive variables keep their values (still there, still sensitive)', async () => {
        const ws = await api(server, 'GET', `/organizations/${organization}/workspaces/api`);
        const vars = await api(server, 'GET', `/workspaces/${ws.body.data.id}/vars`);
        const found = (vars.body.data ?? []).filter((x: any) => ['db_password', 'API_KEY'].includes(x.attributes.key) && x.attributes.sensitive === true);
        if (found.length !== 2) throw new Error(`found ${found.length} of the 2 sensitive variables of workspace api`);
        return 'db_password and API_KEY are there, sensitive';
      });
    }
  }
  await tier.check(`delete organization ${organization}`, async () => {
    const r = await api(server, 'DELETE', `/organizations/${organization}`);
    if (r.status !== 204 && r.status !== 200) throw new Error(`DELETE answered ${r.status}`);
  });

  await scaleCheck(settings, tier, server, `${organization}-scale`, generate, synth);
  tier.close();
  return tier;
}

/** 1,000 workspaces, made through the API: the generator reads them and writes a program that synthesizes. */
async function scaleCheck(settings: Settings, tier: Tier, server: Server, organization: string,
  generate: (org: string, out: string, extra?: string[]) => Promise<{ stdout: string; stderr: string; seconds: number }>,
  synth: (out: string) => Promise<{ stackFile: string; seconds: number }>): Promise<void> {
  const count = Number(process.env.E2E_ADOPT_SCALE ?? 1000);
  const made = await tier.check(`scale: an organization of ${count} workspaces (made through the API)`, async () => {
    const org = await api(server, 'POST', '/organizations', { data: { type: 'organizations', attributes: { name: organization, email: 'platform@scale.e2e.invalid' } } });
    if (org.status !== 201) throw new Error(`POST /organizations answered ${org.status}: ${JSON.stringify(org.body)}`);
    const names = Array.from({ length: count }, (_, i) => `svc-${String(i).padStart(4, '0')}-${['dev', 'prod'][i % 2]}`);
    const started = Date.now();
    await pool(names, 8, async (name) => {
      const r = await api(server, 'POST', `/organizations/${organization}/workspaces`, { data: { type: 'workspaces', attributes: { name } } });
      if (r.status !== 201) throw new Error(`creating ${name} answered ${r.status}: ${JSON.stringify(r.body)}`);
    });
    return `${count} workspaces in ${((Date.now() - started) / 1000).toFixed(1)} s`;
  });
  if (made) {
    await tier.check(`scale: cdktf-tfe adopt reads and writes ${count} workspaces; the program synthesizes`, async () => {
      const out = path.join(settings.work, 'adopt', 'scale');
      const g = await generate(organization, out);
      const requests = /(\d+) requests, ([\d.]+) s/.exec(g.stderr);
      const s = await synth(out);
      const json = JSON.parse(fs.readFileSync(s.stackFile, 'utf8'));
      const workspaces = Object.keys(json.resource?.tfe_workspace ?? {}).length;
      if (workspaces !== count) throw new Error(`the program declares ${workspaces} workspaces, expected ${count}`);
      return `read: ${requests?.[1]} requests in ${requests?.[2]} s (at most 30 per second); generator wall time ${g.seconds.toFixed(1)} s; ` +
        `program synth ${s.seconds.toFixed(1)} s; ${(json.import ?? []).length} import blocks`;
    });
  }
  await tier.check(`scale: delete organization ${organization}`, async () => {
    const r = await api(server, 'DELETE', `/organizations/${organization}`);
    if (r.status !== 204 && r.status !== 200) throw new Error(`DELETE answered ${r.status}`);
  });
}
