/**
 * Tier 4: CLI-driven runs through the library's backend bindings. The
 * platform stack (workspaces in local execution mode) is applied; then a
 * consumer stack bound by name and one bound by prefix (member chosen with
 * TF_WORKSPACE) run init, plan and apply, and the API must show each state in
 * its workspace and nowhere else. A binding of a VCS-driven workspace for
 * applies must be refused by the library before anything runs.
 */
import * as path from 'path';
import { App } from 'cdktf';
import { buildCliApp, buildVcsBindingApp, CLI_STACKS } from './apps';
import { api, cliEnv, readStacks, runOk, Server, Settings, stackDir, Tier } from './harness';
import { Errors } from '../src';

export async function cliTier(settings: Settings, organization: string): Promise<Tier> {
  const tier = new Tier(4, 'CLI-driven runs through backend bindings', settings.ci);

  await tier.check('a VCS-driven workspace bound for applies is refused while the app is built', () => {
    const app = new App({ outdir: path.join(settings.work, 'vcs-binding.out') });
    try {
      buildVcsBindingApp(app, { hostname: settings.server?.hostname ?? 'tfe.example.com', organization });
      app.synth();
    } catch (e) {
      if (!Errors.isValidationError(e)) throw new Error(`refused, but not with a ValidationError: ${String(e)}`);
      const at = Errors.constructPathOf(e);
      if (at !== 'vcs-platform/Vcs') throw new Error(`refused, but the error is about ${at}, not the workspace vcs-platform/Vcs`);
      return `ValidationError at ${at}`;
    }
    throw new Error('the app synthesized: the binding was not refused');
  });

  const server = settings.server;
  if (!server || !settings.mirror) {
    tier.skip('init, plan and apply of consumer stacks bound by name and by prefix', server ? 'no provider mirror' : settings.serverMissing!);
    tier.close();
    return tier;
  }

  const outdir = path.join(settings.work, 'cli.out');
  const app = new App({ outdir });
  buildCliApp(app, { hostname: server.hostname, organization });
  app.synth();
  const stacks = readStacks(outdir);
  const env = cliEnv(settings);
  const tf = (args: string[], cwd: string, extra: Record<string, string> = {}) =>
    runOk(settings.terraform, [...args, '-input=false', '-no-color'], { cwd, env: { ...env, ...extra } });

  const platformDir = stackDir(settings, CLI_STACKS.platform, stacks.get(CLI_STACKS.platform)!.file);
  const applied = await tier.check(`apply ${CLI_STACKS.platform} (organization, workspace, group of two)`, async () => {
    await tf(['init'], platformDir);
    await tf(['apply', '-auto-approve'], platformDir);
  });

  if (applied) {
    const runs: { stack: string; member: string; workspace: string; extra: Record<string, string> }[] = [
      { stack: CLI_STACKS.byName, member: 'service', workspace: 'service', extra: {} },
      { stack: CLI_STACKS.byPrefix, member: 'prod', workspace: 'networking-prod', extra: { TF_WORKSPACE: 'prod' } },
    ];
    for (const r of runs) {
      const dir = stackDir(settings, r.stack, stacks.get(r.stack)!.file);
      const bound = await tier.check(`${r.stack}: init, plan, apply${r.extra.TF_WORKSPACE ? ` (TF_WORKSPACE=${r.extra.TF_WORKSPACE})` : ''}`, async () => {
        await tf(['init'], dir, r.extra);
        const plan = await tf(['plan'], dir, r.extra);
        if (!/Changes to Outputs/.test(plan.stdout)) throw new Error(`the plan shows no output to add:\n${plan.stdout}`);
        await tf(['apply', '-auto-approve'], dir, r.extra);
      });
      if (bound) {
        await tier.check(`${r.stack}: the state is in workspace ${r.workspace} (API)`, async () => {
          const ran = await currentOutput(server, organization, r.workspace, 'ran_in');
          if (ran !== r.member) throw new Error(`the current state of ${r.workspace} has ran_in = ${JSON.stringify(ran)}, expected ${JSON.stringify(r.member)}`);
          return `ran_in = ${JSON.stringify(ran)}`;
        });
      }
    }
    await tier.check('no state in the member nothing ran in (networking-dev)', async () => {
      const ran = await currentOutput(server, organization, 'networking-dev', 'ran_in');
      if (ran !== undefined) throw new Error(`networking-dev has a state with ran_in = ${JSON.stringify(ran)}`);
    });
  }

  await tier.check(`destroy ${CLI_STACKS.platform} (workspaces and their state)`, async () => {
    await tf(['destroy', '-auto-approve'], platformDir);
    const org = await api(server, 'GET', `/organizations/${organization}`);
    if (org.status !== 404) throw new Error(`the organization is still there (GET answered ${org.status})`);
  });
  tier.close();
  return tier;
}

/** An output of a workspace's current state, or undefined when the workspace has no state. */
async function currentOutput(server: Server, organization: string, workspace: string, output: string): Promise<unknown> {
  const ws = await api(server, 'GET', `/organizations/${organization}/workspaces/${workspace}`);
  if (ws.status !== 200) throw new Error(`workspace ${workspace}: GET answered ${ws.status}`);
  const sv = await api(server, 'GET', `/workspaces/${ws.body.data.id}/current-state-version`);
  if (sv.status === 404) return undefined;
  if (sv.status !== 200) throw new Error(`workspace ${workspace}: current state version answered ${sv.status}`);
  const outputs = await api(server, 'GET', `/state-versions/${sv.body.data.id}/outputs`);
  if (outputs.status !== 200) throw new Error(`workspace ${workspace}: state version outputs answered ${outputs.status}`);
  const found = (outputs.body.data ?? []).find((o: any) => o.attributes?.name === output);
  return found?.attributes?.value;
}
