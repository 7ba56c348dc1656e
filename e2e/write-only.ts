/**
 * Tier 6: write-only secrets, applied with the machine's Terraform 1.11 or
 * later (the stack declares `required_version = ">= 1.11.0"`): the apply goes
 * through, the API shows the sensitive variables, the state holds none of the
 * secrets, a second plan replaces nothing and changes nothing beyond the listed
 * server deviations, and the destroy removes everything.
 */
import * as path from 'path';
import { App } from 'cdktf';
import { buildWriteOnlyApp, WRITE_ONLY_SECRETS, WRITE_ONLY_STACK } from './apps';
import { unlistedChanges } from './deviations';
import { api, cliEnv, meetsRequiredVersion, readStacks, runOk, Settings, stackDir, tail, Tier } from './harness';

export async function writeOnlyTier(settings: Settings, organization: string): Promise<Tier> {
  const tier = new Tier(6, 'write-only secrets (terraform 1.11)', settings.ci);
  const server = settings.server;
  const terraform = settings.systemTerraform;
  const outdir = path.join(settings.work, 'write-only.out');
  const app = new App({ outdir });
  buildWriteOnlyApp(app, { hostname: server?.hostname ?? 'tfe.example.com', organization });
  app.synth();
  const { json, file } = readStacks(outdir).get(WRITE_ONLY_STACK)!;
  if (!server || !settings.mirror || !terraform || !meetsRequiredVersion(terraform.version, json.terraform?.required_version)) {
    tier.skip('apply, API, state, second plan and destroy of write-only secrets',
      !server ? settings.serverMissing! : !settings.mirror ? 'no provider mirror' : `no terraform meeting ${json.terraform?.required_version} on PATH`);
    tier.close();
    return tier;
  }
  const dir = stackDir(settings, WRITE_ONLY_STACK, file);
  const env = cliEnv(settings, Object.fromEntries(Object.entries(WRITE_ONLY_SECRETS).map(([k, v]) => [`TF_VAR_${k}`, v])));
  const tf = (args: string[]) => runOk(terraform.bin, [...args, '-input=false', '-no-color'], { cwd: dir, env });

  const applied = await tier.check(`apply ${WRITE_ONLY_STACK} with terraform ${terraform.version}`, async () => {
    await tf(['init']);
    await tf(['apply', '-auto-approve']);
  });
  if (applied) {
    await tier.check('API: the write-only variables are there, sensitive', async () => {
      const ws = await api(server, 'GET', `/organizations/${organization}/workspaces/secrets`);
      if (ws.status !== 200) throw new Error(`workspace secrets: GET answered ${ws.status}`);
      const vars = await api(server, 'GET', `/workspaces/${ws.body.data.id}/vars`);
      const found = ['db_password', 'API_TOKEN'].map((key) => (vars.body.data ?? []).find((v: any) => v.attributes.key === key));
      const missing = ['db_password', 'API_TOKEN'].filter((_, i) => !found[i] || found[i].attributes.sensitive !== true);
      if (missing.length) throw new Error(`not on the workspace as sensitive variables: ${missing.join(', ')}`);
      return 'db_password and API_TOKEN are on the workspace, sensitive';
    });
    await tier.check('the state holds none of the secrets', async () => {
      const state = (await runOk(terraform.bin, ['state', 'pull'], { cwd: dir, env })).stdout;
      if (!state.includes('"value_wo"')) throw new Error(`the state shows no value_wo attribute:\n${tail(state)}`);
      const leaked = Object.keys(WRITE_ONLY_SECRETS).filter((k) => state.includes(WRITE_ONLY_SECRETS[k]));
      if (leaked.length) throw new Error(`terraform.tfstate contains the values of ${leaked.join(', ')}`);
      return `${Object.keys(WRITE_ONLY_SECRETS).length} secrets, none in ${state.length} bytes of state`;
    });
    await tier.check('second plan: nothing replaced, no change beyond the listed server deviations', async () => {
      // Provider 0.71.0 replaces a resource whose write-only value differs from the hash it kept of
      // the last one written: an unchanged secret must plan nothing for it.
      await tf(['plan', '-lock=false', '-out=second.plan']);
      const plan = JSON.parse((await runOk(terraform.bin, ['show', '-json', 'second.plan'], { cwd: dir, env })).stdout);
      const problems: string[] = (plan.resource_changes ?? []).flatMap((rc: any) => unlistedChanges(rc));
      if (problems.length) throw new Error(problems.join('\n'));
      const writeOnly = (plan.resource_changes ?? []).filter((rc: any) => ['tfe_variable', 'tfe_notification_configuration', 'tfe_ssh_key'].includes(rc.type));
      return `${writeOnly.length} resources with write-only arguments plan no change`;
    });
  }
  await tier.check(`destroy ${WRITE_ONLY_STACK}`, async () => {
    await tf(['destroy', '-auto-approve']);
    const org = await api(server, 'GET', `/organizations/${organization}`);
    if (org.status !== 404) throw new Error(`the organization is still there (GET answered ${org.status})`);
  });
  tier.close();
  return tier;
}
