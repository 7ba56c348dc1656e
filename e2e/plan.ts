/**
 * Tier 2: the stacks that use the tfe provider (the example platform and the
 * fixture) plan against the suite's server with `terraform plan`: every
 * resource they declare is planned for creation, and the only errors are the
 * listed lookups the server cannot answer.
 */
import * as fs from 'fs';
import { PLAN_ERRORS } from './deviations';
import { cliEnv, dummyVariables, meetsRequiredVersion, readStacks, resourceAddresses, run, runOk, Settings, stackDir, tail, Tier } from './harness';
import { SynthesizedApp } from './validate';

export async function planTier(settings: Settings, apps: SynthesizedApp[]): Promise<Tier> {
  const tier = new Tier(2, 'plan against the server (terraform plan)', settings.ci);
  for (const app of apps) {
    for (const [stack, { json, file }] of readStacks(app.outdir)) {
      if (!json.terraform?.required_providers?.tfe) continue; // consumer stacks: tier 4 runs bindings for real
      const name = `${app.label}/${stack}`;
      if (!settings.server || !settings.mirror) {
        tier.skip(name, settings.server ? 'no provider mirror' : settings.serverMissing!);
        continue;
      }
      // terraform 1.5.7 plans, unless the stack requires a newer one (write-only arguments): then the machine's own.
      const required: string | undefined = json.terraform?.required_version;
      const cli = meetsRequiredVersion('1.5.7', required) ? settings.terraform
        : settings.systemTerraform && meetsRequiredVersion(settings.systemTerraform.version, required) ? settings.systemTerraform.bin : undefined;
      if (!cli) {
        tier.skip(name, `no terraform here meets required_version ${JSON.stringify(required)}`);
        continue;
      }
      await tier.check(name, () => planStack(settings, name, json, file, cli));
    }
  }
  tier.close();
  return tier;
}

async function planStack(settings: Settings, name: string, json: any, file: string, terraform: string): Promise<string> {
  const dir = stackDir(settings, `plan-${name}`, file);
  const env = cliEnv(settings, dummyVariables(json));
  await runOk(terraform, ['init', '-input=false', '-no-color'], { cwd: dir, env });
  const plan = await run(terraform, ['plan', '-json', '-input=false', '-lock=false', '-no-color'], { cwd: dir, env });
  fs.writeFileSync(`${dir}/plan.jsonl`, plan.stdout);

  const messages = plan.stdout.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
  const planned = new Map<string, string>();
  const errors: { address: string; summary: string; detail: string }[] = [];
  let summary: any;
  for (const m of messages) {
    if (m.type === 'planned_change') planned.set(m.change.resource.addr, m.change.action);
    if (m.type === 'change_summary') summary = m.changes;
    if (m.type === 'diagnostic' && m.diagnostic.severity === 'error') {
      errors.push({ address: m.diagnostic.address ?? '', summary: m.diagnostic.summary, detail: m.diagnostic.detail ?? '' });
    }
  }
  if (!summary) throw new Error(`terraform plan produced no change summary:\n${tail(plan.stdout + plan.stderr)}`);

  const problems: string[] = [];
  const expected = PLAN_ERRORS.filter((e) => e.stack === name);
  // A lookup that fails leaves what depends on it unplanned: exactly those resources.
  const failedLookups = Object.entries<any>(json.data ?? {}).flatMap(([type, byName]) => Object.keys(byName).map((n) => `data.${type}.${n}`))
    .filter((a) => expected.some((x) => a.startsWith(x.addressPrefix)));
  const blocked = dependents(json, failedLookups);
  const declared = resourceAddresses(json).filter((a) => !blocked.has(a));
  const notCreated = declared.filter((a) => planned.get(a) !== 'create');
  if (notCreated.length) problems.push(`not planned for creation: ${notCreated.join(', ')}`);
  const plannedBlocked = [...blocked].filter((a) => planned.has(a));
  if (plannedBlocked.length) problems.push(`planned although they depend on a failed lookup: ${plannedBlocked.join(', ')}`);
  const other = [...planned].filter(([a, action]) => !a.startsWith('data.') && !declared.includes(a) && action !== 'create');
  if (other.length) problems.push(`unexpected planned changes: ${other.map(([a, action]) => `${a} (${action})`).join(', ')}`);
  if (summary.add !== declared.length || summary.change !== 0 || summary.remove !== 0) {
    problems.push(`summary ${summary.add} to add, ${summary.change} to change, ${summary.remove} to destroy; expected ${declared.length} to add`);
  }

  // Errors must be exactly the listed lookups of objects the server does not serve.
  for (const e of errors) {
    if (!expected.some((x) => e.address.startsWith(x.addressPrefix) && x.summary.test(e.summary))) {
      problems.push(`plan error not on the list of expected ones: ${e.address}: ${e.summary} ${e.detail}`.trim());
    }
  }
  for (const x of expected) {
    if (!errors.some((e) => e.address.startsWith(x.addressPrefix) && x.summary.test(e.summary))) {
      problems.push(`listed plan error no longer occurs (remove it from PLAN_ERRORS): ${x.addressPrefix}: ${x.summary}`);
    }
  }
  if (problems.length) throw new Error(problems.join('\n'));
  const noted = expected.length
    ? `; as listed, ${failedLookups.join(', ')} fails (${expected.map((x) => x.why).join('; ')}) and leaves ${blocked.size} resources that depend on it unplanned`
    : '';
  return `${summary.add} to add${noted}`;
}

/** The resources of a synthesized stack that depend, directly or not, on any of `roots`. */
function dependents(json: any, roots: string[]): Set<string> {
  const bodies = new Map<string, string>();
  for (const [type, byName] of Object.entries<any>(json.resource ?? {})) {
    for (const [n, body] of Object.entries<any>(byName)) bodies.set(`${type}.${n}`, JSON.stringify(body));
  }
  const refersTo = (body: string, address: string) => new RegExp(`${address.replace(/[.]/g, '\\.')}(?![A-Za-z0-9_-])`).test(body);
  const found = new Set<string>();
  let frontier = [...roots];
  while (frontier.length) {
    const next: string[] = [];
    for (const [address, body] of bodies) {
      if (!found.has(address) && frontier.some((f) => refersTo(body, f))) {
        found.add(address);
        next.push(address);
      }
    }
    frontier = next;
  }
  return found;
}
