import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { checkoutTsconfig } from '../e2e/harness';
import { main } from '../src/private/adopt/cli';
import { snake } from '../src/private/adopt/render';
import { FLAVOUR } from '../src/private/framework';

/**
 * The generator on recorded answers of the TFE API (test/fixtures/adopt/acme.json,
 * written from the API documentation): projects, project access, team access,
 * memberships, described tokens and policy sets, which the end-to-end
 * suite's server does not serve.
 */
const ROOT = path.resolve(__dirname, '..');
const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'adopt', 'acme.json');

async function generate(...extra: string[]): Promise<{ dir: string; code: number; stdout: string; stderr: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'adopt-'));
  const out: string[] = [];
  const err: string[] = [];
  const sink = (lines: string[]) => ({ write: (s: string) => lines.push(s) }) as any;
  const code = await main(['adopt', '--organization', 'acme', '--from-recording', FIXTURE, '--out', dir, '--library-module', path.join(ROOT, 'src'), ...extra], sink(out), sink(err));
  return { dir, code, stdout: out.join(''), stderr: err.join('') };
}

/** Type-checks and runs the generated TypeScript program with this checkout's packages; the synthesized stack. */
function synthesize(dir: string): any {
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), checkoutTsconfig(ROOT));
  const run = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'ts-node'), ['main.ts'], {
    cwd: dir, encoding: 'utf8', env: { ...process.env, NODE_PATH: path.join(ROOT, 'node_modules'), TS_NODE_PROJECT: path.join(dir, 'tsconfig.json') },
  });
  if (run.status !== 0) throw new Error(`the generated program failed (${run.status}):\n${run.stderr}\n${run.stdout}`);
  return JSON.parse(fs.readFileSync(path.join(dir, 'cdktf.out', 'stacks', 'acme', 'cdk.tf.json'), 'utf8'));
}

describe('cdktf-tfe adopt', () => {
  jest.setTimeout(180_000);

  test('writes a TypeScript program that type-checks, synthesizes, and imports every object with its documented ID', async () => {
    const { dir, code, stdout } = await generate();
    expect(code).toBe(0);
    expect(stdout).toContain('37 resources to import');
    const json = synthesize(dir);
    const byType: Record<string, string[]> = {};
    for (const block of json.import) {
      const [type, name] = block.to.split('.');
      expect(json.resource[type][name]).toBeDefined();
      (byType[type] ??= []).push(block.id);
    }
    for (const ids of Object.values(byType)) ids.sort();
    expect(byType).toEqual({
      tfe_organization: ['acme'],
      tfe_team: ['acme/team-DeveLopers123456', 'acme/team-PlatForm12345678'],
      tfe_team_organization_members: ['team-PlatForm12345678'],
      tfe_organization_membership: ['ou-JaneDoe12345678', 'ou-RajPatel1234567'],
      tfe_project: ['prj-PayMents1234567'],
      tfe_team_project_access: ['tprj-PlatForm123456'],
      tfe_agent_pool: ['apool-BuiLders123456'],
      tfe_agent_pool_allowed_workspaces: ['apool-BuiLders123456'],
      tfe_workspace: ['ws-BuiLder123456789', 'ws-LeGacy1234567890', 'ws-PayDev1234567890', 'ws-PayProd123456789'],
      tfe_workspace_settings: ['ws-BuiLder123456789', 'ws-LeGacy1234567890', 'ws-PayDev1234567890', 'ws-PayProd123456789'],
      tfe_variable: [
        'acme/legacy/var-LegacyConfig1234', 'acme/payments-dev/var-PayDevDbPass1234', 'acme/payments-dev/var-PayDevRegion1234',
        'acme/payments-prod/var-PayProdRegion123', 'acme/varset-CoMmon12345678/var-CommonTz12345678',
      ],
      tfe_team_access: ['acme/payments-dev/tws-DevsOnPayDev123', 'acme/payments-prod/tws-DevsOnPayProd12', 'acme/payments-prod/tws-PlatOnPayProd12'],
      tfe_run_trigger: ['rt-DevToProd1234567'],
      tfe_notification_configuration: ['nc-ProdEmail1234567', 'nc-ProdSlack1234567'],
      tfe_variable_set: ['varset-CoMmon12345678'],
      tfe_workspace_variable_set: ['acme/payments-dev/common'],
      tfe_project_variable_set: ['acme/prj-PayMents1234567/common'],
      tfe_policy: ['acme/pol-NoPublic12345678'],
      tfe_policy_set: ['polset-BaseLine12345678'],
      tfe_workspace_policy_set: ['acme/payments-prod/baseline'],
      tfe_project_policy_set: ['acme/prj-PayMents1234567/baseline'],
      tfe_workspace_policy_set_exclusion: ['acme/legacy/baseline'],
    });

    // What the API answered, written back: settings, access levels, values.
    const ws = (name: string) => Object.values<any>(json.resource.tfe_workspace).find((w) => w.name === name);
    expect(ws('payments-dev')).toMatchObject({ auto_apply: true, working_directory: 'envs/dev', terraform_version: '1.9.8', vcs_repo: { identifier: 'acme/payments', branch: 'main', oauth_token_id: 'ot-GitHub1234567890' } });
    expect([...ws('payments-dev').tag_names].sort()).toEqual(['dev', 'payments']);
    expect(ws('legacy')).toMatchObject({ queue_all_runs: true, terraform_version: '1.5.7' });
    const settings = Object.values<any>(json.resource.tfe_workspace_settings).map((s) => s.execution_mode).sort();
    expect(settings).toEqual(['agent', 'local', undefined, undefined]);
    const access = Object.values<any>(json.resource.tfe_team_access).map((a) => a.access ?? 'custom').sort();
    expect(access).toEqual(['admin', 'custom', 'write']);
    const custom = Object.values<any>(json.resource.tfe_team_access).find((a) => a.permissions);
    expect(custom.permissions).toEqual([{ runs: 'plan', variables: 'read', state_versions: 'read-outputs', sentinel_mocks: 'none', workspace_locking: false, run_tasks: false }]);
    const secret = Object.values<any>(json.resource.tfe_variable).find((v) => v.key === 'DB_PASSWORD');
    expect(secret).toMatchObject({ sensitive: true, category: 'env', value: '${var.payments_dev_db_password}', lifecycle: { ignore_changes: ['value'] } });
    expect(json.variable.payments_dev_db_password).toMatchObject({ sensitive: true, type: 'string' });
    expect(json.variable.payments_prod_prod_alerts_url).toMatchObject({ sensitive: true });
    const team = Object.values<any>(json.resource.tfe_team).find((t) => t.name === 'platform');
    expect(team).toMatchObject({ visibility: 'organization', sso_team_id: 'sso-platform', organization_access: { manage_workspaces: true, manage_vcs_settings: true } });
    const text = fs.readFileSync(path.join(dir, 'cdktf.out', 'stacks', 'acme', 'cdk.tf.json'), 'utf8');
    expect(text).not.toContain('hooks.slack.com');
  });

  test('the report: counts, groups, sensitive inputs, references and what is not expressed', async () => {
    const { dir } = await generate();
    const report = fs.readFileSync(path.join(dir, 'adoption-report.md'), 'utf8');
    expect(report).toContain('Read 33 objects with 32 API requests');
    expect(report).toContain('| `tfe_workspace` | 4 |');
    expect(report).toContain('- `payments-`: 2 members');
    expect(report).toContain('| `payments_dev_db_password` | the value of variable DB_PASSWORD of workspace payments-dev |');
    expect(report).toContain('team platform: 2 tokens');
    expect(report).toContain('OAuth client GitHub (ot-GitHub1234567890)');
    expect(report).toContain('team project access tprj-DeveLopers1234 (custom)');
    expect(report).toContain('policy set from-vcs');
    const program = fs.readFileSync(path.join(dir, 'main.ts'), 'utf8');
    expect(program).toContain('// policy set from-vcs (polset-FromVcs123456789) reads its policies from VCS: not expressed.');
    expect(program).not.toMatch(/\d{4}-\d{2}-\d{2}/); // nothing from the clock
  });

  test('--no-groups writes each workspace on its own; the output does not depend on the order of the answers', async () => {
    const { dir } = await generate('--no-groups');
    const program = fs.readFileSync(path.join(dir, 'main.ts'), 'utf8');
    expect(program).not.toContain('WorkspaceGroup');
    expect(program).toContain('const paymentsDev = new Workspace(stack, "PaymentsDev"');
    const shuffled = JSON.parse(fs.readFileSync(FIXTURE, 'utf8'));
    for (const answer of Object.values<any>(shuffled.answers)) {
      const body = JSON.parse(answer.body.startsWith('{') ? answer.body : '{}');
      if (Array.isArray(body.data)) {
        body.data.reverse();
        answer.body = JSON.stringify(body);
      }
    }
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rec-')), 'rec.json');
    fs.writeFileSync(file, JSON.stringify(shuffled));
    const again = fs.mkdtempSync(path.join(os.tmpdir(), 'adopt-'));
    await main(['adopt', '--organization', 'acme', '--from-recording', file, '--out', again, '--library-module', path.join(ROOT, 'src'), '--no-groups'],
      { write: () => true } as any, { write: () => true } as any);
    expect(fs.readFileSync(path.join(again, 'main.ts'), 'utf8')).toBe(program);
  });

  test('Python: the same constructs and ids, jsii\'s names, structs as keyword arguments', async () => {
    const { dir } = await generate('--language', 'python');
    const program = fs.readFileSync(path.join(dir, 'main.py'), 'utf8');
    expect(program).toContain('from cdktf_tfe_constructs import (');
    expect(program).toContain('org = Organization(');
    expect(program).toContain('payments_dev = payments_group.member("dev")');
    expect(program).toContain('payments_dev.adopt_existing("ws-PayDev1234567890")');
    expect(program).toContain('OAuthClient.from_o_auth_token_id(stack, "GitHubConnection", org, "ot-GitHub1234567890")');
    expect(program).toMatch(/WorkspaceGroupMember\(\s+short_name="dev",/);
    expect(program).toContain('organization_scoped=False');
    expect(program).toContain('initial_value_only=True');
    expect(program).toMatch(/^app\.synth\(\)$/m);
    expect(fs.readFileSync(path.join(dir, 'requirements.txt'), 'utf8')).toContain(`${FLAVOUR.framework.pythonDist}==${FLAVOUR.framework.version}`);
    // The Python program compiles (its synthesis is checked in the polyglot suite, against the wheel).
    const compiled = spawnSync('python3', ['-m', 'py_compile', path.join(dir, 'main.py')], { encoding: 'utf8' });
    expect(compiled.stderr).toBe('');
    expect(compiled.status).toBe(0);
  });

  test('jsii\'s Python names', () => {
    expect(snake('fromOAuthTokenId')).toBe('from_o_auth_token_id');
    expect(snake('adoptExisting')).toBe('adopt_existing');
    expect(snake('sendPassingStatusesForUntriggeredSpeculativePlans')).toBe('send_passing_statuses_for_untriggered_speculative_plans');
    expect(snake('microsoftTeams')).toBe('microsoft_teams');
  });

  test('usage errors exit 2 with the usage; no token exits 1 and says how to get one', async () => {
    const err: string[] = [];
    const sink = { write: (s: string) => err.push(s) } as any;
    expect(await main(['adopt'], sink, sink)).toBe(2);
    expect(err.join('')).toContain('--organization is required');
    expect(await main(['adopt', '--organization', 'acme', '--language', 'go'], sink, sink)).toBe(2);
    expect(await main(['adopt', '--organization', 'acme', '--rate', '50'], sink, sink)).toBe(2);
    expect(await main(['nope'], sink, sink)).toBe(2);
    const saved = { ...process.env };
    try {
      delete process.env.TFE_TOKEN;
      process.env.TF_CLI_CONFIG_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'empty-'));
      err.length = 0;
      expect(await main(['adopt', '--organization', 'acme', '--hostname', 'tfe.nowhere.example'], sink, sink)).toBe(1);
      expect(err.join('')).toContain('terraform login tfe.nowhere.example');
    } finally {
      process.env = saved;
    }
  });
});
