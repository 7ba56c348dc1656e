/**
 * Tier 1: every stack of every synthesized app passes `init` + `validate`
 * with terraform 1.5.7, OpenTofu, and the machine's own terraform when it has
 * one. Stacks that use the tfe provider need the provider mirror; without it
 * they are skipped (a failure in CI).
 */
import * as os from 'os';
import { cliEnv, pool, readStacks, run, Settings, stackDir, tail, Tier } from './harness';

/** A synthesized app to validate. */
export interface SynthesizedApp {
  readonly label: string;
  readonly outdir: string;
}

export async function validateTier(settings: Settings, apps: SynthesizedApp[]): Promise<Tier> {
  const tier = new Tier(1, 'validate (init + validate, every stack)', settings.ci);
  const clis = [
    { name: 'terraform-1.5.7', bin: settings.terraform },
    { name: 'tofu', bin: settings.tofu },
    ...(settings.systemTerraform ? [{ name: `terraform-${settings.systemTerraform.version}`, bin: settings.systemTerraform.bin }] : []),
  ];
  if (!settings.systemTerraform) console.log('  (no other terraform on PATH: validating with terraform 1.5.7 and tofu)');

  const jobs: { name: string; file: string; usesTfe: boolean; cli: { name: string; bin: string } }[] = [];
  for (const app of apps) {
    for (const [stack, { json, file }] of readStacks(app.outdir)) {
      for (const cli of clis) jobs.push({ name: `${app.label}/${stack}`, file, usesTfe: !!json.terraform?.required_providers?.tfe, cli });
    }
  }
  const env = cliEnv(settings);
  await pool(jobs, Math.max(1, os.cpus().length), async (job) => {
    const label = `${job.cli.name.padEnd(15)} ${job.name}`;
    if (job.usesTfe && !settings.mirror) {
      tier.skip(label, 'needs hashicorp/tfe 0.71.0: no provider mirror (TFE_PROVIDER_MIRROR, or ../shared/tools)');
      return;
    }
    const dir = stackDir(settings, `validate-${job.cli.name}-${job.name}`, job.file);
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
  tier.close();
  return tier;
}
