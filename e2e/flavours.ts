/**
 * The CDK Terrain flavour against a deployment made with the cdktf flavour (part of tier 3): the
 * deploy app, migrated to the cdktn flavour's package names (flavours/build.ts stages it into
 * flavours/cdktn/e2e), synthesizes the same stacks apart from the framework version, and
 * `terraform plan` of its output over the cdktf flavour's state plans exactly what the cdktf
 * flavour's own second plan does: every address holds.
 */
import * as fs from 'fs';
import * as path from 'path';
import { failureText, run, runOk, Settings, Tier } from './harness';

/** The Node.js version the cdktn flavour runs on here (an npm package, through npx). */
const NODE_LTS = process.env.NODE_LTS ?? '24';

/** A stack's cdk.tf.json with sorted keys and without the framework version that wrote it. */
function synthesized(file: string): string {
  const json = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (json['//']?.metadata) delete json['//'].metadata.version;
  const sorted = (v: any): any => (Array.isArray(v) ? v.map(sorted)
    : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sorted(v[k])])) : v);
  return JSON.stringify(sorted(json));
}

/** What a plan does to each resource and output, by address. */
function planOutcome(plan: any): Map<string, string> {
  const out = new Map<string, string>();
  for (const rc of plan.resource_changes ?? []) {
    out.set(rc.address, JSON.stringify({ actions: rc.change.actions, after: rc.change.after, unknown: rc.change.after_unknown }));
  }
  for (const [name, oc] of Object.entries<any>(plan.output_changes ?? {})) out.set(`output.${name}`, JSON.stringify(oc.actions));
  return out;
}

/**
 * `stacks`: [stack name, the cdktf flavour's stack directory, which holds `second-plan.json`].
 * `entry`: the deploy app's entry point under e2e/, run as the cdktn flavour's copy.
 */
export async function crossFlavourPlan(
  settings: Settings, tier: Tier, env: NodeJS.ProcessEnv, dir: string, entry: string, stacks: [string, string][],
): Promise<void> {
  const flavour = path.join(settings.root, 'flavours', 'cdktn');
  const name = 'the cdktn flavour synthesizes the deployed app alike and plans exactly the cdktf flavour\'s second plan';
  const program = path.join(flavour, 'e2e', entry);
  if (!fs.existsSync(path.join(flavour, 'node_modules', 'cdktn')) || !fs.existsSync(program)) {
    tier.skip(name, 'the cdktn flavour is not built here (npm run flavour:cdktn)');
    return;
  }
  await tier.check(name, async () => {
    const outdir = path.join(dir, 'cdktn.out');
    fs.rmSync(outdir, { recursive: true, force: true });
    // Same working directory as the cdktf flavour's synth: the stacks' local state files are the same.
    const synth = await run('npx', ['-y', '-p', `node@${NODE_LTS}`, '--', path.join(flavour, 'node_modules', '.bin', 'ts-node'),
      '--transpile-only', '--project', path.join(flavour, 'e2e', 'tsconfig.json'), program], {
      cwd: dir, env: { ...env, CDKTF_OUTDIR: outdir }, timeoutSeconds: 300,
    });
    if (synth.code !== 0) throw new Error(`cdktn synth: exit ${synth.code}:\n${failureText(synth.stdout + synth.stderr)}`);
    for (const [stack, cdktfStackDir] of stacks) {
      const a = synthesized(path.join(cdktfStackDir, 'cdk.tf.json'));
      const b = synthesized(path.join(outdir, 'stacks', stack, 'cdk.tf.json'));
      if (a !== b) throw new Error(`${stack}: the two flavours synthesized different cdk.tf.json (beyond the framework version)`);
    }

    const problems: string[] = [];
    let resources = 0;
    for (const [stack, cdktfStackDir] of stacks) {
      const stackDir = path.join(outdir, 'stacks', stack);
      await runOk(settings.terraform, ['init', '-input=false', '-no-color'], { cwd: stackDir, env });
      await runOk(settings.terraform, ['plan', '-input=false', '-lock=false', '-no-color', '-out=cdktn.plan'], { cwd: stackDir, env });
      const plan = JSON.parse((await runOk(settings.terraform, ['show', '-json', 'cdktn.plan'], { cwd: stackDir, env })).stdout);
      const ours = planOutcome(plan);
      const theirs = planOutcome(JSON.parse(fs.readFileSync(path.join(cdktfStackDir, 'second-plan.json'), 'utf8')));
      resources += (plan.resource_changes ?? []).length;
      for (const address of new Set([...ours.keys(), ...theirs.keys()])) {
        if (ours.get(address) !== theirs.get(address)) {
          problems.push(`${stack}: ${address}: cdktn plans ${ours.get(address) ?? '(nothing)'}, cdktf ${theirs.get(address) ?? '(nothing)'}`);
        }
      }
    }
    if (problems.length) throw new Error(problems.join('\n'));
    return `${stacks.length} stacks identical apart from the framework version; ${resources} resources planned exactly as by the cdktf flavour`;
  });
}
