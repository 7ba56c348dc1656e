import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TfeProvider } from '@cdktf/provider-tfe/lib/provider';
import Ajv from 'ajv';
import { App, TerraformStack, Testing } from 'cdktf';
import { parse } from 'yaml';
import { validationError } from './util';
import { buildPlatformFileApp } from '../examples/platform-file/main';
import { Errors, Organization, PlatformFile } from '../src';
import { PLATFORM_SCHEMA } from '../src/private/platform-schema';

Testing.setupJest();

const ROOT = path.resolve(__dirname, '..');
const EXAMPLE = path.join(ROOT, 'examples', 'platform-file', 'platform.yaml');
const SCHEMA_FILE = path.join(ROOT, 'schema', 'platform-file.schema.json');

function stack(): TerraformStack {
  const s = new TerraformStack(Testing.app(), 'tenants');
  new TfeProvider(s, 'tfe', {});
  return s;
}

function write(name: string, text: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'platform-')), name);
  fs.writeFileSync(file, text);
  return file;
}

describe('PlatformFile', () => {
  test('loads the example: tenants, shared teams, variable sets, extra workspaces, sensitive inputs', () => {
    const s = stack();
    const platform = PlatformFile.load(s, 'Platform', EXAMPLE);
    expect(platform.tenants.map((t) => t.tenantName)).toEqual(['payments', 'search', 'data-platform']);
    const json = JSON.parse(Testing.synth(s));
    const names = Object.values<any>(json.resource.tfe_workspace).map((w) => w.name).sort();
    expect(names).toEqual([
      'data-platform-management', 'data-platform-prod', 'payments-dev', 'payments-management', 'payments-prod', 'payments-shared-network',
      'payments-staging', 'search-dev', 'search-prod',
    ]);
    expect(json.variable.payments_db_password).toEqual({ type: 'string', sensitive: true, description: expect.stringContaining('platform.yaml') });
    const db = Object.values<any>(json.resource.tfe_variable).filter((v) => v.key === 'DB_PASSWORD');
    expect(db).toHaveLength(3);
    for (const v of db) expect(v).toMatchObject({ sensitive: true, category: 'env', value: '${var.payments_db_password}' });
    expect(Object.values<any>(json.resource.tfe_organization ?? {})).toEqual([]);
    expect(Object.values<any>(json.resource.tfe_project_variable_set)).toHaveLength(2);
    expect(platform.tenant('payments').environments!.shortNames).toEqual(['dev', 'staging', 'prod']);
    expect(Errors.ruleIdOf(validationError(() => platform.tenant('nope')))).toBe('TFE-FILE-005');
  });

  test('the example program: the file\'s tenants and one written in code', () => {
    const s = buildPlatformFileApp(Testing.app(), 'tfe.example.com');
    const json = JSON.parse(Testing.synth(s));
    expect(Object.values<any>(json.resource.tfe_project).map((p) => p.name).sort()).toEqual(['data-platform', 'ledger', 'payments', 'search']);
    expect(json.provider.tfe).toEqual([expect.objectContaining({ hostname: 'tfe.example.com' })]);
  });

  test('JSON works the same as YAML', () => {
    const fromYaml = stack();
    PlatformFile.load(fromYaml, 'Platform', EXAMPLE);
    const fromJson = stack();
    PlatformFile.load(fromJson, 'Platform', write('platform.json', JSON.stringify(parse(fs.readFileSync(EXAMPLE, 'utf8')), null, 2)));
    const strip = (s: string) => s.replace(/"description": "Set from [^"]*"/g, '');
    expect(strip(Testing.synth(fromJson))).toEqual(strip(Testing.synth(fromYaml)));
  });

  test('every problem at once, each with the file, the line, the field, and the rule of the construct', () => {
    const file = write('platform.yaml', [
      'organization: acme', //                        1
      'teams:', //                                    2
      '  - name: ops', //                             3
      'tenants:', //                                  4
      '  - name: payments', //                        5
      '    environments: [dev, default]', //          6
      '    teams:', //                                7
      '      - team: platfrom', //                    8
      '        access: admin', //                     9
      '    workspaces:', //                           10
      '      - name: "payments api"', //              11
      '  - name: x', //                               12
      '    colour: blue', //                          13
      '    variables:', //                            14
      '      - key: DB_PASSWORD', //                  15
      '        category: env', //                     16
      '        sensitive: true', //                   17
      '        value: hunter2', //                    18
    ].join('\n'));
    const e = validationError(() => PlatformFile.load(stack(), 'Platform', file));
    expect(Errors.ruleIdOf(e)).toBe('TFE-FILE-003');
    const lines = e.message.split('\n').slice(1).map((l) => l.trim().replace(`${file}:`, ''));
    // tenants[1] is left out for its schema problem; the rest is checked.
    expect(lines).toEqual([
      expect.stringMatching(/^6 tenants\[0\]\.environments\[1\]: \[TFE-NAME-012\] member short name "default" is not usable/),
      expect.stringMatching(/^8 tenants\[0\]\.teams\[0\]\.team: \[TFE-FILE-005\] team "platfrom" is not in the file's teams list/),
      expect.stringMatching(/^11 tenants\[0\]\.workspaces\[0\]\.name: \[TFE-NAME-006\] workspace name "payments api" is invalid/),
      expect.stringMatching(/^13 tenants\[1\]\.colour: \[TFE-FILE-002\] tenants\[1\]\.colour is not a field here/),
    ]);
    // Without the schema problem, every construct rule is reported, each at its line.
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('    colour: blue\n', ''));
    const e2 = validationError(() => PlatformFile.load(stack(), 'Platform', file));
    const lines2 = e2.message.split('\n').slice(1).map((l) => l.trim().replace(`${file}:`, ''));
    expect(lines2).toEqual([
      expect.stringMatching(/^6 tenants\[0\]\.environments\[1\]: \[TFE-NAME-012\] member short name "default" is not usable/),
      expect.stringMatching(/^8 tenants\[0\]\.teams\[0\]\.team: \[TFE-FILE-005\] team "platfrom" is not in the file's teams list/),
      expect.stringMatching(/^11 tenants\[0\]\.workspaces\[0\]\.name: \[TFE-NAME-006\] workspace name "payments api" is invalid/),
      expect.stringMatching(/^12 tenants\[1\]\.name: \[TFE-NAME-004\] project name "x" has 1 characters/),
      expect.stringMatching(/^17 tenants\[1\]\.variables\[0\]\.value: \[TFE-FILE-004\] variable "DB_PASSWORD" is sensitive, but its value is written in the file \(not shown\)/),
    ]);
    expect(e2.message).not.toContain('hunter2');
  });

  test('a single problem carries its own rule id; unreadable and malformed files', () => {
    const file = write('platform.yaml', 'organization: acme\ntenants:\n  - name: payments\n    workspaces:\n      - name: "payments api"\n');
    const e = validationError(() => PlatformFile.load(stack(), 'Platform', file));
    expect(Errors.ruleIdOf(e)).toBe('TFE-NAME-006');
    expect(e.message).toContain(`${file}:5 tenants[0].workspaces[0].name: [TFE-NAME-006] workspace name "payments api" is invalid`);
    expect(Errors.ruleIdOf(validationError(() => PlatformFile.load(stack(), 'P', '/nonexistent/platform.yaml')))).toBe('TFE-FILE-001');
    const broken = write('platform.yaml', 'tenants:\n  - name: [unclosed\n');
    const b = validationError(() => PlatformFile.load(stack(), 'P', broken));
    expect(Errors.ruleIdOf(b)).toBe('TFE-FILE-001');
    expect(b.message).toMatch(/platform\.yaml:\d+ /);
    const noOrg = write('platform.yaml', 'tenants:\n  - name: payments\n');
    expect(Errors.ruleIdOf(validationError(() => PlatformFile.load(stack(), 'P', noOrg)))).toBe('TFE-FILE-002');
    const s = stack();
    const acme = new Organization(s, 'Acme', { name: 'acme', email: 'platform@acme.example' });
    expect(PlatformFile.load(s, 'P', noOrg, { organization: acme }).organization).toBe(acme);
  });

  test('renaming a tenant that has an id keeps its addresses; movedFrom moves a workspace between tenants', () => {
    const before = write('platform.yaml', [
      'organization: acme',
      'tenants:',
      '  - name: payments', '    id: Payments', '    environments: [dev]',
      '    workspaces:', '      - name: shared-network',
      '  - name: billing', '    environments: [dev]',
    ].join('\n'));
    const s1 = stack();
    PlatformFile.load(s1, 'Platform', before);
    const a1 = JSON.parse(Testing.synth(s1));
    const after = write('platform.yaml', [
      'organization: acme',
      'tenants:',
      '  - name: payments-eu', '    id: Payments', '    environments: [dev]',
      '  - name: billing', '    environments: [dev]',
      '    workspaces:', '      - name: shared-network', '        movedFrom: Payments',
    ].join('\n'));
    const s2 = stack();
    PlatformFile.load(s2, 'Platform', after);
    const a2 = JSON.parse(Testing.synth(s2));
    // The renamed tenant's project keeps its address (its name changes in place).
    expect(Object.keys(a2.resource.tfe_project)).toEqual(expect.arrayContaining(Object.keys(a1.resource.tfe_project)));
    const moved: any[] = a2.moved ?? [];
    expect(moved).toEqual(expect.arrayContaining([
      { from: expect.stringMatching(/^tfe_workspace\.Platform_Payments_Workspace-shared-network_/), to: expect.stringMatching(/^tfe_workspace\.Platform_Billing_Workspace-shared-network_/) },
    ]));
    const from = moved.find((m) => m.to.startsWith('tfe_workspace.'))!.from.split('.')[1];
    expect(a1.resource.tfe_workspace[from]).toBeDefined();
    const bad = write('platform.yaml', 'organization: acme\ntenants:\n  - name: billing\n    workspaces:\n      - name: net\n        movedFrom: Nowhere\n');
    expect(Errors.ruleIdOf(validationError(() => PlatformFile.load(stack(), 'P', bad)))).toBe('TFE-FILE-007');
    const twice = write('platform.yaml', 'organization: acme\ntenants:\n  - name: billing\n  - name: payments\n    id: Billing\n');
    expect(Errors.ruleIdOf(validationError(() => PlatformFile.load(stack(), 'P', twice)))).toBe('TFE-FILE-006');
  });

  test('the published JSON Schema is the loader\'s, and the example files satisfy it', () => {
    const published = JSON.stringify(PLATFORM_SCHEMA, null, 2) + '\n';
    if (process.env.UPDATE_PLATFORM_SCHEMA) fs.writeFileSync(SCHEMA_FILE, published);
    expect(fs.readFileSync(SCHEMA_FILE, 'utf8')).toBe(published);
    const validate = new Ajv({ strict: false, allErrors: true }).compile(JSON.parse(published));
    for (const file of [EXAMPLE]) {
      const ok = validate(parse(fs.readFileSync(file, 'utf8')));
      expect(validate.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
    }
    expect(validate({ tenants: [{ name: 'x', colour: 'blue' }] })).toBe(false);
  });

  test('500 tenants load and synthesize', () => {
    const tenants = Array.from({ length: 500 }, (_, i) => `  - name: tenant-${String(i).padStart(3, '0')}\n    environments: [dev, prod]\n    variables:\n      - key: owner\n        value: team-${i}`);
    const file = write('platform.yaml', `organization: acme\ntenants:\n${tenants.join('\n')}\n`);
    const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'out-')) });
    const s = new TerraformStack(app, 'tenants');
    new TfeProvider(s, 'tfe', {});
    PlatformFile.load(s, 'Platform', file);
    app.synth();
    const json = JSON.parse(fs.readFileSync(path.join(app.outdir, 'stacks', 'tenants', 'cdk.tf.json'), 'utf8'));
    expect(Object.keys(json.resource.tfe_workspace)).toHaveLength(1500);
  });
});
