/**
 * Tier 1: every stack of every synthesized app passes `init` + `validate`
 * with terraform 1.5.7, OpenTofu, and the machine's own terraform when it has
 * one. Stacks that use the tfe provider need the provider mirror; without it
 * they are skipped (a failure in CI). A stack that declares a
 * `required_version` (write-only arguments need Terraform 1.11) is validated
 * by the CLIs that meet it, and must be refused at `init` by those that do
 * not; at least one CLI must validate it.
 */
import * as os from 'os';
import { cliEnv, meetsRequiredVersion, pool, readStacks, run, Settings, stackDir, tail, Tier } from './harness';

/** A synthesized app to validate. */
export interface SynthesizedApp {
  readonly label: string;
  readonly outdir: string;
}

export async function validateTier(settings: Settings, apps: SynthesizedApp[]): Promise<Tier> {
  const tier = new Tier(1, 'validate (init + validate, every stack)', settings.ci);
  const clis = [
    { name: 'terraform-1.5.7', bin: settings.terraform, version: '1.5.7' },
    { name: 'tofu', bin: settings.tofu, version: settings.tofuVersion },
    ...(settings.systemTerraform ? [{ name: `terraform-${settings.systemTerraform.version}`, bin: settings.systemTerraform.bin, version: settings.systemTerraform.version }] : []),
  ];
  if (!settings.systemTerraform) console.log('  (no other terraform on PATH: validating with terraform 1.5.7 and tofu)');

  const jobs: { name: string; file: string; usesTfe: boolean; required?: string; cli: { name: string; bin: string; version: string } }[] = [];
  for (const app of apps) {
    for (const [stack, { json, file }] of readStacks(app.outdir)) {
      const required: string | undefined = json.terraform?.required_version;
      for (const cli of clis) jobs.push({ name: `${app.label}/${stack}`, file, usesTfe: !!json.terraform?.required_providers?.tfe, required, cli });
    }
  }
  const validatedBy = new Map<string, string[]>();
  const env = cliEnv(settings);
  await pool(jobs, Math.max(1, os.cpus().length), async (job) => {
    const label = `${job.cli.name.padEnd(15)} ${job.name}`;
    if (job.usesTfe && !settings.mirror) {
      tier.skip(label, 'needs hashicorp/tfe 0.71.0: no provider mirror (TFE_PROVIDER_MIRROR, or ../shared/tools)');
      return;
    }
    const dir = stackDir(settings, `validate-${job.cli.name}-${job.name}`, job.file);
    let meets: boolean;
    try {
      meets = meetsRequiredVersion(job.cli.version, job.required);
    } catch (e) {
      tier.fail(label, (e as Error).message);
      return;
    }
    if (!meets) {
      // The stack's required_version must stop this CLI at init, with the CLI's own message.
      const refused = await run(job.cli.bin, ['init', '-backend=false', '-input=false', '-no-color'], { cwd: dir, env });
      const text = refused.stdout + refused.stderr;
      if (refused.code !== 0 && /Unsupported (Terraform|OpenTofu) Core version/.test(text)) {
        tier.pass(label, `refused at init, as required_version ${JSON.stringify(job.required)} says (${job.cli.version})`);
      } else {
        tier.fail(label, `required_version ${JSON.stringify(job.required)} should stop ${job.cli.name} (${job.cli.version}) at init:\n${tail(text)}`);
      }
      return;
    }
    validatedBy.set(job.name, [...validatedBy.get(job.name) ?? [], job.cli.name]);
    const init = await run(job.cli.bin, ['init', '-backend=false', '-input=false', '-no-color'], { cwd: dir, env });
    if (init.code !== 0) {
      tier.fail(label, `init failed:\n${tail(init.stdout + init.stderr)}`);
      return;
    }
    const validate = await run(job.cli.bin, ['validate', '-json', '-no-color'], { cwd: dir, env });
    let out: any;
    try {
      out = JSON.parse(validate.stdout);
    } catch {
      tier.fail(label, tail(validate.stdout + validate.stderr));
      return;
    }
    const diagnostics: any[] = out.diagnostics ?? [];
    if (!out.valid) {
      tier.fail(label, diagnostics.map((d) => `${d.severity}: ${d.summary}: ${d.detail ?? ''}`).join('\n'));
      return;
    }
    const warnings = [...new Set(diagnostics.filter((d) => d.severity === 'warning').map((d) => d.summary))];
    tier.pass(label, warnings.length ? `warnings: ${warnings.join('; ')}` : undefined);
  });
  // A stack that only newer CLIs accept must still be validated by one (passed or failed above).
  for (const job of jobs.filter((j) => j.required !== undefined && j.cli === clis[0])) {
    if (!validatedBy.has(job.name) && (!job.usesTfe || settings.mirror)) {
      tier.skip(`${'any'.padEnd(15)} ${job.name}`, `no CLI here meets required_version ${JSON.stringify(job.required)} (terraform 1.11 or later on PATH validates it)`);
    }
  }
  tier.close();
  return tier;
}
