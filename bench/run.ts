/**
 * The benchmark (npm run bench): the library's L2 constructs against raw L1
 * classes written the typical way and the careful way, each variant in its own
 * process, alternating, several repetitions per size. Prints medians and ratios
 * and writes bench/results/results.json and bench/results/chart.svg.
 *
 *   npm run bench -- [--sizes 1000,5000,10000] [--reps 3]
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

interface Sample {
  readonly variant: string;
  readonly n: number;
  readonly buildMs: number;
  readonly synthMs: number;
  readonly totalMs: number;
  /** Garbage-collection pauses on the main thread during build and synthesis. */
  readonly gcMs: number;
  /** CPU time of the process (all threads) during build and synthesis. */
  readonly cpuMs: number;
  /** The machine's steal time (other guests on the host) during the run, where the kernel reports it. */
  readonly stealMs?: number;
  readonly peakRssMb: number;
  readonly bytes: number;
  /** JSON.stringify + fs.writeFileSync of the parsed output files, alone. */
  readonly floorMs: number;
  readonly resources: number;
  /** Resource blocks in cdk.tf.json (a for_each block is one). */
  readonly blocks: number;
  readonly byType: Record<string, number>;
  /** The repetition the sample belongs to (set by this script). */
  readonly rep?: number;
}

const VARIANTS = ['l2', 'l1-typical', 'l1-careful', 'l2-compact', 'json-floor'];
/** The variants that synthesize the whole organization (json-floor writes the compact data file only). */
const SYNTHESIZED = VARIANTS.filter((v) => v !== 'json-floor');
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const sizes = arg('sizes', '1000,5000,10000').split(',').map(Number);
const reps = Number(arg('reps', '3'));
const root = path.join(__dirname, '..');
const results = path.join(__dirname, 'results');

function runOnce(variant: string, n: number): Sample {
  const out = execFileSync(process.execPath, ['--max-old-space-size=8192', '-r', 'ts-node/register', path.join(__dirname, 'scenario.ts'), variant, String(n)], {
    cwd: root,
    env: { ...process.env, TS_NODE_TRANSPILE_ONLY: '1', TS_NODE_PROJECT: path.join(root, 'e2e', 'tsconfig.json') },
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(out.trim().split('\n').pop()!);
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// The L2 variant loads the library's compiled JavaScript (lib/), as a user's
// program does: build it when it is missing or older than src/.
function ensureCompiled(): void {
  const built = path.join(root, 'lib', 'index.js');
  const newest = (dir: string): number => Math.max(0, ...fs.readdirSync(dir, { withFileTypes: true }).map((e) =>
    e.isDirectory() ? newest(path.join(dir, e.name)) : fs.statSync(path.join(dir, e.name)).mtimeMs));
  if (!fs.existsSync(built) || fs.statSync(built).mtimeMs < newest(path.join(root, 'src'))) {
    console.error('  compiling the library (jsii) into lib/');
    execFileSync('npx', ['jsii', '--silence-warnings=reserved-word'], { cwd: root, stdio: 'inherit' });
  }
}
ensureCompiled();

const samples: Sample[] = [];
for (let r = 0; r < reps; r++) {
  // Every repetition runs every size and variant, alternating the order, so
  // drift on a busy machine hits every variant and every size alike (the
  // growth ratios compare sizes, the L2 / L1 ratios compare variants).
  const sizeOrder = r % 2 === 0 ? sizes : [...sizes].reverse();
  const order = r % 2 === 0 ? VARIANTS : [...VARIANTS].reverse();
  for (const n of sizeOrder) {
    for (const v of order) {
      const s = { ...runOnce(v, n), rep: r };
      samples.push(s);
      console.error(`  rep=${r + 1} n=${n} ${v}: ${(s.totalMs / 1000).toFixed(2)} s, ${s.peakRssMb.toFixed(0)} MB`);
    }
  }
}

interface Row {
  variant: string;
  n: number;
  buildMs: number;
  synthMs: number;
  totalMs: number;
  gcMs: number;
  cpuMs: number;
  stealMs?: number;
  peakRssMb: number;
  bytes: number;
  floorMs: number;
  resources: number;
  blocks: number;
}
const rows: Row[] = [];
for (const n of sizes) {
  for (const v of VARIANTS) {
    const of = samples.filter((s) => s.n === n && s.variant === v);
    rows.push({
      variant: v,
      n,
      buildMs: median(of.map((s) => s.buildMs)),
      synthMs: median(of.map((s) => s.synthMs)),
      totalMs: median(of.map((s) => s.totalMs)),
      gcMs: median(of.map((s) => s.gcMs)),
      cpuMs: median(of.map((s) => s.cpuMs)),
      stealMs: of.every((s) => s.stealMs !== undefined) ? median(of.map((s) => s.stealMs!)) : undefined,
      peakRssMb: median(of.map((s) => s.peakRssMb)),
      bytes: of[0].bytes,
      floorMs: median(of.map((s) => s.floorMs)),
      resources: of[0].resources,
      blocks: of[0].blocks,
    });
  }
  const types = SYNTHESIZED.map((v) => JSON.stringify(samples.find((s) => s.n === n && s.variant === v)!.byType));
  if (new Set(types).size !== 1) {
    console.error(`resource types differ at n=${n}:\n${types.join('\n')}`);
    process.exitCode = 1;
  }
}

const get = (v: string, n: number) => rows.find((r) => r.variant === v && r.n === n)!;
const pad = (s: string, w: number) => s.padStart(w);
console.log(`\nmedians of ${reps} runs per cell (node ${process.version}, ${os.cpus().length} cores)\n`);
console.log(['N', 'variant', 'build s', 'synth s', 'total s', 'GC s', 'CPU s', 'steal s', 'peak MB', 'resources', 'blocks', 'JSON MB', 'floor s'].map((h, i) => pad(h, i === 1 ? 11 : 9)).join(' '));
for (const r of rows) {
  console.log([
    pad(String(r.n), 9), pad(r.variant, 11), pad((r.buildMs / 1000).toFixed(2), 9), pad((r.synthMs / 1000).toFixed(2), 9),
    pad((r.totalMs / 1000).toFixed(2), 9), pad((r.gcMs / 1000).toFixed(2), 9), pad((r.cpuMs / 1000).toFixed(2), 9),
    pad(r.stealMs === undefined ? '-' : (r.stealMs / 1000).toFixed(2), 9), pad(r.peakRssMb.toFixed(0), 9), pad(String(r.resources), 9),
    pad(String(r.blocks), 9), pad((r.bytes / 1e6).toFixed(1), 9), pad((r.floorMs / 1000).toFixed(3), 9),
  ].join(' '));
}
console.log('\nratios (time = total wall time, memory = peak RSS)');
console.log(['N', 'L2/careful time', 'L2/careful mem', 'L2/typical time', 'L2/typical mem'].map((h) => pad(h, 16)).join(' '));
for (const n of sizes) {
  const l2 = get('l2', n);
  const careful = get('l1-careful', n);
  const typical = get('l1-typical', n);
  console.log([
    pad(String(n), 16), pad((l2.totalMs / careful.totalMs).toFixed(2), 16), pad((l2.peakRssMb / careful.peakRssMb).toFixed(2), 16),
    pad((l2.totalMs / typical.totalMs).toFixed(2), 16), pad((l2.peakRssMb / typical.peakRssMb).toFixed(2), 16),
  ].join(' '));
}
console.log('\ncompact mode (WorkspaceFleet): time and memory against the careful L1 and the per-object L2; time against the floors');
console.log(['N', 'careful/compact time', 'compact/careful mem', 'L2/compact time', 'compact/own floor', 'compact/json-floor'].map((h) => pad(h, 20)).join(' '));
for (const n of sizes) {
  const compact = get('l2-compact', n);
  console.log([
    pad(String(n), 20), pad((get('l1-careful', n).totalMs / compact.totalMs).toFixed(1), 20), pad((compact.peakRssMb / get('l1-careful', n).peakRssMb).toFixed(2), 20),
    pad((get('l2', n).totalMs / compact.totalMs).toFixed(1), 20), pad((compact.totalMs / compact.floorMs).toFixed(1), 20),
    pad((compact.totalMs / get('json-floor', n).totalMs).toFixed(1), 20),
  ].join(' '));
}
console.log('own floor: JSON.stringify + writeFileSync of the compact output, parsed; json-floor: a plain program building the same data file from the same inputs and writing it');
if (sizes.length > 1) {
  const lo = Math.min(...sizes);
  const hi = Math.max(...sizes);
  console.log(`\ngrowth ${hi}/${lo} (ideal ${(hi / lo).toFixed(1)}x): ${VARIANTS.map((v) => `${v} ${(get(v, hi).totalMs / get(v, lo).totalMs).toFixed(1)}x`).join(', ')}`);
  // The same ratio within each repetition (its runs are close in time), to show
  // how much of the spread is the machine's.
  const perRep = (v: string) => {
    const at = (n: number, r: number) => samples.find((x) => x.variant === v && x.n === n && x.rep === r)!.totalMs;
    const ratios = Array.from({ length: reps }, (_, r) => at(hi, r) / at(lo, r)).sort((a, b) => a - b);
    return `${v} ${median(ratios).toFixed(1)}x (${ratios[0].toFixed(1)} to ${ratios[ratios.length - 1].toFixed(1)})`;
  };
  console.log(`growth within each repetition, median (range): ${VARIANTS.map(perRep).join(', ')}`);
  const noGc = (r: Row) => r.totalMs - r.gcMs;
  console.log(`growth without GC pauses: ${SYNTHESIZED.map((v) => `${v} ${(noGc(get(v, hi)) / noGc(get(v, lo))).toFixed(1)}x`).join(', ')}; ` +
    `of GC pauses: ${SYNTHESIZED.map((v) => `${v} ${(get(v, hi).gcMs / get(v, lo).gcMs).toFixed(1)}x`).join(', ')}`);
  console.log(`growth of CPU time: ${VARIANTS.map((v) => `${v} ${(get(v, hi).cpuMs / get(v, lo).cpuMs).toFixed(1)}x`).join(', ')}`);
}
console.log(`deploy cost: ${get('l2', sizes[0]).resources} resources at N=${sizes[0]} for every variant (each at least one API call; at 30 requests/s that is ` +
  `${(get('l2', sizes[0]).resources / 30 / 60).toFixed(1)} minutes of creates)`);

fs.mkdirSync(results, { recursive: true });
fs.writeFileSync(path.join(results, 'results.json'), JSON.stringify({ node: process.version, reps, sizes, rows, samples }, null, 2));
fs.writeFileSync(path.join(results, 'chart.svg'), chart(rows));
console.log(`\nwrote ${path.relative(process.cwd(), path.join(results, 'results.json'))} and chart.svg`);

function chart(data: Row[]): string {
  const W = 900; const H = 360; const M = 50; const gap = 40; const pw = (W - 2 * M - gap) / 2; const ph = H - 2 * M;
  const colors: Record<string, string> = { 'l2': '#1f77b4', 'l1-typical': '#d62728', 'l1-careful': '#2ca02c', 'l2-compact': '#9467bd', 'json-floor': '#7f7f7f' };
  const maxN = Math.max(...data.map((r) => r.n));
  const panel = (x0: number, title: string, value: (r: Row) => number, unit: string) => {
    const maxY = Math.max(...data.map(value)) * 1.1 || 1;
    const sx = (n: number) => x0 + (n / maxN) * pw;
    const sy = (y: number) => M + ph - (y / maxY) * ph;
    let g = `<text x="${x0 + pw / 2}" y="${M - 20}" text-anchor="middle" font-size="14">${title}</text>`;
    g += `<line x1="${x0}" y1="${M + ph}" x2="${x0 + pw}" y2="${M + ph}" stroke="#000"/><line x1="${x0}" y1="${M}" x2="${x0}" y2="${M + ph}" stroke="#000"/>`;
    g += `<text x="${x0 + pw}" y="${M + ph + 30}" text-anchor="end" font-size="11">N workspaces (max ${maxN})</text>`;
    g += `<text x="${x0 + 4}" y="${M + 12}" font-size="11">${maxY.toFixed(0)} ${unit}</text>`;
    for (const v of VARIANTS) {
      const pts = data.filter((r) => r.variant === v).sort((a, b) => a.n - b.n).map((r) => `${sx(r.n).toFixed(1)},${sy(value(r)).toFixed(1)}`);
      g += `<polyline fill="none" stroke="${colors[v]}" stroke-width="2" points="${pts.join(' ')}"/>`;
      for (const p of pts) g += `<circle cx="${p.split(',')[0]}" cy="${p.split(',')[1]}" r="3" fill="${colors[v]}"/>`;
    }
    return g;
  };
  let legend = '';
  VARIANTS.forEach((v, i) => {
    legend += `<rect x="${M + i * 160}" y="${H - 18}" width="12" height="12" fill="${colors[v]}"/><text x="${M + i * 160 + 16}" y="${H - 8}" font-size="12">${v}</text>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="sans-serif"><rect width="100%" height="100%" fill="#fff"/>` +
    panel(M, 'synth wall time (s)', (r) => r.totalMs / 1000, 's') + panel(M + pw + gap, 'peak RSS (MB)', (r) => r.peakRssMb, 'MB') + legend + '</svg>';
}
