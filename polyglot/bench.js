#!/usr/bin/env node
/**
 * Synth time of the 1,000-workspace organization in each language against TypeScript, in one
 * run: each generator (polyglot/bench/generate.js and its Python, Java and Go twins) in its own
 * process, languages alternating, several repetitions; then medians and ratios. Each
 * language's output is checked against TypeScript's (polyglot/compare.js) once per variant.
 *
 *   node polyglot/bench.js [--n 1000] [--reps 3] [--variants calls,group,plain]
 *                          [--langs typescript,python,java,go]
 *
 * How each language is started comes from the environment (polyglot/run.sh sets it):
 *   BENCH_PYTHON      the venv's python            (python: examples/python/generate.py)
 *   BENCH_JAVA_CP     the classpath of examples/java (java: example.Generate)
 *   BENCH_GO          the built examples/go/generate binary
 *   BENCH_OUT         scratch directory for the synth output (default: $TMPDIR/polyglot-bench)
 *
 * "wall" is the whole process (start-up, loading the jsii runtime and assemblies, building the
 * constructs, synth), which is what a user waits for; "build" and "synth" are measured inside
 * the program.
 */
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.resolve(__dirname, '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const n = Number(arg('n', '1000'));
const reps = Number(arg('reps', '3'));
const variants = arg('variants', 'calls,group,plain').split(',');
const langs = arg('langs', 'typescript,python,java,go').split(',');
const out = process.env.BENCH_OUT ?? path.join(os.tmpdir(), 'polyglot-bench');
fs.mkdirSync(out, { recursive: true });

const commands = {
  typescript: () => [process.execPath, [path.join(__dirname, 'bench', 'generate.js')]],
  python: () => [need('BENCH_PYTHON'), [path.join(root, 'examples', 'python', 'generate.py')]],
  java: () => ['java', ['-cp', need('BENCH_JAVA_CP'), 'example.Generate']],
  go: () => [need('BENCH_GO'), []],
};
function need(name) {
  if (!process.env[name]) throw new Error(`${name} is not set (polyglot/run.sh sets it)`);
  return process.env[name];
}

function runOnce(lang, variant) {
  const [cmd, args] = commands[lang]();
  const dir = path.join(out, `${lang}-${variant}`);
  fs.rmSync(dir, { recursive: true, force: true });
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, [...args, variant, String(n), dir], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${lang} ${variant} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  const inner = JSON.parse(r.stdout.trim().split('\n').pop());
  return { lang, variant, wallMs, buildMs: inner.buildMs, synthMs: inner.synthMs, dir };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const samples = [];
let mismatches = 0;
for (let r = 0; r < reps; r++) {
  for (const variant of variants) {
    // Rotate the order so that drift on a busy machine hits every language alike.
    const order = langs.map((_, i) => langs[(i + r) % langs.length]);
    for (const lang of order) {
      const s = runOnce(lang, variant);
      samples.push(s);
      console.error(`  rep ${r + 1} ${variant} ${lang}: ${(s.wallMs / 1000).toFixed(2)} s`);
    }
    if (r === 0 && langs.includes('typescript')) {
      for (const lang of langs.filter((l) => l !== 'typescript')) {
        const c = spawnSync(process.execPath, [path.join(__dirname, 'compare.js'), '--ref', path.join(out, `typescript-${variant}`), `${lang}=${path.join(out, `${lang}-${variant}`)}`], { encoding: 'utf8' });
        if (c.status !== 0) {
          mismatches++;
          console.error(`  ${variant} ${lang}: output differs from TypeScript's:\n${c.stdout}`);
        }
      }
    }
  }
}

const pad = (s, w) => String(s).padStart(w);
console.log(`\nsynth of ${n} workspaces (3 variables and a team grant each), medians of ${reps} runs (node ${process.version}, ${os.cpus().length} cores)\n`);
console.log(['variant', 'language', 'wall s', 'build s', 'synth s', 'wall/TS', 'build/TS'].map((h, i) => pad(h, i < 2 ? 12 : 9)).join(' '));
const rows = [];
for (const variant of variants) {
  const ts = samples.filter((s) => s.lang === 'typescript' && s.variant === variant);
  for (const lang of langs) {
    const of = samples.filter((s) => s.lang === lang && s.variant === variant);
    const row = {
      variant, lang, n, reps,
      wallMs: median(of.map((s) => s.wallMs)), buildMs: median(of.map((s) => s.buildMs)), synthMs: median(of.map((s) => s.synthMs)),
    };
    if (ts.length) {
      row.wallRatio = row.wallMs / median(ts.map((s) => s.wallMs));
      row.buildRatio = row.buildMs / median(ts.map((s) => s.buildMs));
    }
    rows.push(row);
    console.log([
      pad(variant, 12), pad(lang, 12), pad((row.wallMs / 1000).toFixed(2), 9), pad((row.buildMs / 1000).toFixed(2), 9),
      pad((row.synthMs / 1000).toFixed(2), 9), pad(row.wallRatio?.toFixed(2) ?? '-', 9), pad(row.buildRatio?.toFixed(1) ?? '-', 9),
    ].join(' '));
  }
}
fs.writeFileSync(path.join(out, 'results.json'), JSON.stringify({ node: process.version, n, reps, rows, samples }, null, 2));
console.log(`\nwrote ${path.join(out, 'results.json')}${mismatches ? `; ${mismatches} output(s) differ from TypeScript's` : '; every output identical to TypeScript\'s'}`);
process.exitCode = mismatches ? 1 : 0;
