/**
 * Tier 5: refactoring a deployed program. A protected workspace (with its
 * settings and a variable) is applied, then moved under another construct:
 * with Moves.renamedFrom the plan holds moves only; without it, or with the
 * workspace removed from the program, Terraform plans to delete the workspace
 * (prevent_destroy goes with the resource block). A destroy of the protected
 * workspace is a failed plan; with the protection lifted
 * (RemovalPolicy.FORCE_DELETE) it goes through.
 */
import * as fs from 'fs';
import * as path from 'path';
import { App } from 'cdktf';
import { buildRefactorApp, REFACTOR_STACK, RefactorStep } from './apps';
import { unlistedChanges } from './deviations';
import { api, cliEnv, readStacks, run, runOk, Settings, Tier } from './harness';

export async function refactorTier(settings: Settings, organization: string): Promise<Tier> {
  const tier = new Tier(5, 'refactoring (Moves.renamedFrom, RemovalPolicy.PROTECT)', settings.ci);
  const server = settings.server;
  if (!server || !settings.mirror) {
    tier.skip('rename with moves only, protected destroy, cleanup', server ? 'no provider mirror' : settings.serverMissing!);
    tier.close();
    return tier;
  }
  const env = cliEnv(settings);
  const dir = fs.mkdtempSync(path.join(settings.work, 'refactor-'));
  // Each step is a version of the program; one working directory keeps the local state.
  const use = (step: RefactorStep) => {
    const outdir = path.join(settings.work, `refactor-${step}.out`);
    const app = new App({ outdir });
    buildRefactorApp(app, { hostname: server.hostname, organization }, step);
    app.synth();
    fs.copyFileSync(readStacks(outdir).get(REFACTOR_STACK)!.file, path.join(dir, 'cdk.tf.json'));
  };
  const tf = (args: string[]) => runOk(settings.terraform, [...args, '-no-color'], { cwd: dir, env });
  const planJson = async () => {
    await tf(['plan', '-input=false', '-lock=false', '-out=step.plan']);
    return JSON.parse((await tf(['show', '-json', 'step.plan'])).stdout);
  };
  const workspaceId = async (address: string) => {
    const state = JSON.parse((await tf(['show', '-json'])).stdout);
    return (state.values?.root_module?.resources ?? []).find((r: any) => r.address.startsWith(address))?.values.id as string | undefined;
  };

  const applied = await tier.check('apply a protected workspace with its settings and a variable', async () => {
    use(RefactorStep.ORIGINAL);
    await tf(['init', '-input=false']);
    await tf(['apply', '-input=false', '-auto-approve']);
  });
  const originalId = applied ? await workspaceId('tfe_workspace.Billing_') : undefined;
  if (!applied || !originalId) {
    tier.close();
    return tier;
  }

  await tier.check('moved under another construct with Moves.renamedFrom: the plan holds moves only', async () => {
    use(RefactorStep.RENAMED);
    const plan = await planJson();
    const changes: any[] = plan.resource_changes ?? [];
    // Besides the moves, only the server deviations of the deploy tier may show (e2e/deviations.ts).
    const problems = changes.flatMap((rc: any) => unlistedChanges(rc));
    const moved = changes.filter((rc) => rc.address.includes('Finance_Billing'));
    for (const rc of moved) if (!rc.previous_address?.includes('.Billing_')) problems.push(`${rc.address} is not moved from the old address`);
    const types = moved.map((rc) => rc.type).sort().join(', ');
    if (types !== 'tfe_variable, tfe_workspace, tfe_workspace_settings') problems.push(`moved: ${types}; expected the workspace, its settings and its variable`);
    if (problems.length) throw new Error(problems.join('\n'));
    return moved.map((rc) => `${rc.previous_address} -> ${rc.address}`).join(', ');
  });

  await tier.check('moved without Moves.renamedFrom: the plan deletes the workspace (prevent_destroy does not cover a removed address)', async () => {
    use(RefactorStep.RENAMED_WITHOUT_MOVE);
    const plan = await planJson();
    const workspaces = (plan.resource_changes ?? []).filter((rc: any) => rc.type === 'tfe_workspace');
    const deleted = workspaces.filter((rc: any) => rc.change.actions.join() === 'delete').map((rc: any) => rc.address);
    const created = workspaces.filter((rc: any) => rc.change.actions.join() === 'create').map((rc: any) => rc.address);
    if (deleted.length !== 1 || created.length !== 1) throw new Error(`expected one workspace deleted and one created, got ${JSON.stringify(workspaces.map((rc: any) => [rc.address, rc.change.actions]))}`);
    return `deletes ${deleted[0]}, creates ${created[0]}`;
  });

  await tier.check('removed from the program: the plan deletes the workspace (prevent_destroy leaves with the resource block)', async () => {
    use(RefactorStep.REMOVED);
    const plan = await planJson();
    const deleted = (plan.resource_changes ?? []).filter((rc: any) => rc.change.actions.includes('delete')).map((rc: any) => rc.type).sort().join(', ');
    if (deleted !== 'tfe_variable, tfe_workspace, tfe_workspace_settings') throw new Error(`deleted: ${deleted || 'nothing'}; expected the workspace, its settings and its variable`);
    return `deletes ${deleted}`;
  });

  await tier.check('apply the moves: the same workspace, at its new address', async () => {
    use(RefactorStep.RENAMED);
    const r = await tf(['apply', '-input=false', '-auto-approve']);
    if (!/ 0 added, .* 0 destroyed/.test(r.stdout)) throw new Error(`the apply added or destroyed something:\n${r.stdout}`);
    const id = await workspaceId('tfe_workspace.Finance_Billing_');
    const ws = await api(server, 'GET', `/organizations/${organization}/workspaces/billing`);
    if (id !== originalId || ws.body?.data?.id !== originalId) {
      throw new Error(`workspace ID before ${originalId}, in the state now ${id}, through the API ${ws.body?.data?.id}`);
    }
    return originalId;
  });

  await tier.check('RemovalPolicy.PROTECT: a destroy is a failed plan', async () => {
    const r = await run(settings.terraform, ['plan', '-destroy', '-lock=false', '-input=false', '-no-color', '-json'], { cwd: dir, env });
    if (r.code === 0) throw new Error('the destroy plan succeeded');
    const errors = r.stdout.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l))
      .filter((m) => m.type === 'diagnostic' && m.diagnostic.severity === 'error').map((m) => m.diagnostic);
    const protectedWs = errors.find((d: any) => /cannot be destroyed/i.test(d.summary) && String(d.address ?? d.detail).includes('tfe_workspace.Finance_Billing'));
    if (!protectedWs || errors.length !== 1) throw new Error(`expected one "cannot be destroyed" error for the workspace, got ${JSON.stringify(errors)}`);
    const ws = await api(server, 'GET', `/organizations/${organization}/workspaces/billing`);
    if (ws.status !== 200) throw new Error(`the workspace is gone (GET answered ${ws.status})`);
    return `${protectedWs.summary}; the workspace is still there`;
  });

  await tier.check('protection lifted (RemovalPolicy.FORCE_DELETE): the destroy goes through', async () => {
    use(RefactorStep.UNPROTECTED);
    await tf(['apply', '-input=false', '-auto-approve']);
    await tf(['destroy', '-input=false', '-auto-approve']);
    const org = await api(server, 'GET', `/organizations/${organization}`);
    if (org.status !== 404) throw new Error(`the organization is still there (GET answered ${org.status})`);
  });
  tier.close();
  return tier;
}
