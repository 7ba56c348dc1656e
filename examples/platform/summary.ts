import * as fs from 'fs';
import * as path from 'path';

const LEVELS: Record<string, string> = { '@cdktf/error': 'error', '@cdktf/warn': 'warning', '@cdktf/info': 'info' };

/**
 * The warnings and infos a synth recorded (cdktf writes them to manifest.json
 * only), one line each: level, construct path, message (which starts with the
 * rule id, e.g. `[TFE-REF-001]`).
 */
export function annotationLines(outdir: string): string[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8'));
  return Object.values<any>(manifest.stacks).flatMap((stack) =>
    (stack.annotations ?? []).map((a: any) => `${LEVELS[a.level] ?? a.level}  ${a.constructPath}: ${a.message}`));
}

/**
 * Prints what a synth produced: per stack, the resources by type, the data
 * sources, outputs and backend; then every warning and info the library
 * reported, with its construct path and rule id.
 */
export function printSummary(outdir: string): void {
  const manifest = JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8'));
  console.log(`Synthesized into ${path.relative(process.cwd(), outdir) || outdir}:`);
  for (const stack of Object.values<any>(manifest.stacks)) {
    const file = path.join(outdir, stack.synthesizedStackPath);
    const json = JSON.parse(fs.readFileSync(file, 'utf8'));
    const resources = Object.entries<any>(json.resource ?? {});
    const total = resources.reduce((n, [, byName]) => n + Object.keys(byName).length, 0);
    const backend = Object.keys(json.terraform?.backend ?? {})[0] ?? (json.terraform?.cloud ? 'cloud' : 'local');
    console.log(`\n  stack ${stack.name} (${path.relative(process.cwd(), file)}): ${total} resources, backend ${backend}`);
    for (const [type, byName] of resources.sort(([a], [b]) => a.localeCompare(b))) {
      console.log(`    ${String(Object.keys(byName).length).padStart(4)}  ${type}`);
    }
    const data = Object.entries<any>(json.data ?? {});
    for (const [type, byName] of data) console.log(`    ${String(Object.keys(byName).length).padStart(4)}  data.${type}`);
    const extra = fs.readdirSync(path.dirname(file)).filter((f) => f.endsWith('.md'));
    for (const f of extra) console.log(`    report: ${path.relative(process.cwd(), path.join(path.dirname(file), f))}`);
    const outputs = Object.entries<any>(json.output ?? {});
    if (outputs.length > 0) {
      console.log(`    outputs: ${outputs.map(([name, o]) => `${name}${o.sensitive ? ' (sensitive)' : ''}`).join(', ')}`);
    }
  }
  const notes = annotationLines(outdir);
  console.log(`\n  ${notes.length} annotation(s) (warnings and infos; acknowledge one with Rules.acknowledge):`);
  for (const line of notes) console.log(`    ${line}`);
}
