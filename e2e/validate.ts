/**
 * Tier 1 of the end-to-end suite: every stack of every synthesized app passes
 * `init` + `validate` with the real Terraform and OpenTofu CLIs.
 *
 * Stacks that use the tfe provider need hashicorp/tfe 0.71.0 in a filesystem
 * mirror (TFE_PROVIDER_MIRROR, laid out as
 * <mirror>/registry.terraform.io/hashicorp/tfe/0.71.0/linux_amd64/ and the
 * same under registry.opentofu.org); without one they are reported as not
 * checked, and the run says so. Stacks without providers (consumer stacks
 * bound to a workspace) are always checked.
 *
 * Usage: TERRAFORM=... TOFU=... ts-node e2e/validate.ts <cdktf.out> [<cdktf.out> ...]
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

interface Result {
  readonly stack: string;
  readonly cli: string;
  readonly status: 'passed' | 'failed' | 'not checked';
  readonly detail: string;
}

const clis = [
  { name: 'terraform', bin: process.env.TERRAFORM ?? 'terraform' },
  { name: 'tofu', bin: process.env.TOFU ?? 'tofu' },
];
const mirror = process.env.TFE_PROVIDER_MIRROR;
const hasMirror = !!mirror && fs.existsSync(path.join(mirror, 'registry.terraform.io/hashicorp/tfe/0.71.0/linux_amd64'));

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tfe-e2e-'));
const cliConfig = path.join(work, 'cli.tfrc');
fs.writeFileSync(cliConfig, hasMirror
  ? `provider_installation {\n  filesystem_mirror {\n    path = ${JSON.stringify(mirror)}\n  }\n}\n`
  : 'provider_installation {\n  filesystem_mirror {\n    path = "/nonexistent"\n  }\n}\n');
const env = { ...process.env, TF_CLI_CONFIG_FILE: cliConfig, CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1' };

function run(bin: string, args: string[], cwd: string): string {
  return execFileSync(bin, args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

const results: Result[] = [];
for (const outdir of process.argv.slice(2)) {
  const manifest = JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8'));
  for (const stack of Object.values<any>(manifest.stacks)) {
    const json = JSON.parse(fs.readFileSync(path.join(outdir, stack.synthesizedStackPath), 'utf8'));
    const usesTfe = !!json.terraform?.required_providers?.tfe;
    for (const cli of clis) {
      const name = `${path.basename(path.dirname(path.resolve(outdir)))}/${stack.name}`;
      if (usesTfe && !hasMirror) {
        results.push({ stack: name, cli: cli.name, status: 'not checked', detail: 'needs hashicorp/tfe 0.71.0 (set TFE_PROVIDER_MIRROR)' });
        continue;
      }
      const dir = fs.mkdtempSync(path.join(work, `${stack.name}-${cli.name}-`));
      fs.copyFileSync(path.join(outdir, stack.synthesizedStackPath), path.join(dir, 'cdk.tf.json'));
      try {
        run(cli.bin, ['init', '-backend=false', '-input=false', '-no-color'], dir);
        const out = JSON.parse(run(cli.bin, ['validate', '-json', '-no-color'], dir));
        const warnings = (out.diagnostics ?? []).filter((d: any) => d.severity === 'warning').map((d: any) => d.summary);
        results.push({
          stack: name,
          cli: cli.name,
          status: out.valid ? 'passed' : 'failed',
          detail: out.valid ? (warnings.length ? `warnings: ${[...new Set(warnings)].join('; ')}` : '') : JSON.stringify(out.diagnostics),
        });
      } catch (e: any) {
        let detail = `${e.stdout ?? ''}${e.stderr ?? ''}`.trim() || String(e);
        try {
          detail = JSON.stringify(JSON.parse(e.stdout).diagnostics);
        } catch { /* not JSON: keep the raw output */ }
        results.push({ stack: name, cli: cli.name, status: 'failed', detail });
      }
    }
  }
}

for (const r of results) {
  console.log(`${r.status.padEnd(11)} ${r.cli.padEnd(9)} ${r.stack}${r.detail ? `  (${r.detail})` : ''}`);
}
const passed = results.filter((r) => r.status === 'passed').length;
const failed = results.filter((r) => r.status === 'failed').length;
const skipped = results.filter((r) => r.status === 'not checked').length;
if (!hasMirror) console.log('\nStacks that use the tfe provider were not checked: no hashicorp/tfe 0.71.0 mirror (see README, "End-to-end").');
console.log(`validate: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
