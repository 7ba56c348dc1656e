/**
 * The report written next to the generated program (adoption-report.md):
 * what was read and adopted, per type; the workspace families written as
 * groups; the sensitive inputs to provide; what is only referenced; and what
 * could not be expressed, with why.
 */
import { ProgramPlan } from './program';

/** How the read went. */
export interface ReadStats {
  readonly requests: number;
  readonly objects: number;
  readonly seconds: number;
  readonly throttled: number;
}

export function renderReport(plan: ProgramPlan, stats: ReadStats, language: string): string {
  const total = [...plan.adopted.values()].reduce((a, b) => a + b, 0);
  const lines = [
    `# Adoption of ${plan.organization} (${plan.hostname})`,
    '',
    `Read ${stats.objects} objects with ${stats.requests} API requests in ${stats.seconds.toFixed(1)} s` +
      `${stats.throttled ? ` (${stats.throttled} answers of 429 waited out)` : ''}; wrote a ${language} program that imports ${total} resources.`,
    '',
    '## Resources to import, per type',
    '',
    '| Resource type | Count |',
    '|---|---|',
    ...[...plan.adopted].sort(([a], [b]) => a.localeCompare(b)).map(([type, n]) => `| \`${type}\` | ${n} |`),
    '',
    'The first `terraform plan` (or `cdktf plan`) should show these imports and nothing to add, change or destroy.',
    '',
  ];
  lines.push('## Workspace groups', '');
  if (plan.groups.length) {
    lines.push('Workspaces whose names share a prefix ending in `-` or `_`, that are in the same project and carry the group\'s tag,',
      'are written as one `WorkspaceGroup` (settings they share once, the rest per member); `--no-groups` turns this off.', '');
    for (const g of plan.groups) lines.push(`- \`${g.prefix}\`: ${g.members} members`);
  } else {
    lines.push('None.');
  }
  lines.push('', '## Sensitive inputs to provide', '');
  if (plan.sensitiveInputs.length) {
    lines.push('The API never returns sensitive values: each is an input of the program. Set them before the first plan',
      '(`export TF_VAR_<name>=...`); sensitive variables are `initialValueOnly`, so the import keeps the values on the platform.', '',
      '| Input | Holds |', '|---|---|', ...plan.sensitiveInputs.map((s) => `| \`${s.variable}\` | ${s.holds} |`));
  } else {
    lines.push('None.');
  }
  lines.push('', '## Referenced, not managed', '');
  lines.push(...(plan.referenced.length ? plan.referenced.map((r) => `- ${r.what}: ${r.why}`) : ['None.']));
  lines.push('', '## Not expressed', '');
  lines.push(...(plan.notExpressed.length ? plan.notExpressed.map((r) => `- ${r.what}: ${r.why}`) : ['None.']));
  lines.push('');
  return lines.join('\n');
}
