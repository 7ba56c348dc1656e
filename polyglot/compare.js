#!/usr/bin/env node
/**
 * Compares what each language's example synthesized with the TypeScript one.
 *
 *   node polyglot/compare.js [--ref DIR] [LANG=DIR ...]
 *
 * DIR is a cdktf.out directory. Without LANG=DIR arguments, compares
 * examples/{python,java,go}/cdktf.out (those that exist) with --ref, by default
 * examples/platform/cdktf.out (`npm run example`).
 *
 * Every file must exist on both sides and be identical: JSON files after
 * sorting object keys, everything else (the access reports) byte for byte.
 * Only what legitimately differs between two processes is normalized (a LANG label such as
 * `go-cdktn` counts as its first part, `go`):
 *
 *  - `terraform.backend.local.path` of a stack without a backend: cdktf
 *    writes the absolute path of the state file, under the directory the
 *    program ran in (examples/platform vs examples/python, ...): compared by
 *    file name;
 *  - `stacks.*.annotations[].stacktrace` in manifest.json: the JavaScript
 *    stack trace of an annotation, whose frames are ts-node's source paths in
 *    TypeScript and the jsii kernel's temporary directory in the other
 *    languages: dropped (the construct path, level and message are compared);
 *  - for Go only: the order of the entries of an HCL object in the value of a
 *    `tfe_variable` (`VariableValue.map`). A Go map has no order, and jsii
 *    sends its keys sorted; the library keeps the order it is given, so the
 *    entries are compared as a set, each entry still byte for byte.
 *
 * With --framework-version, the version of the framework that synthesized each side (manifest.json
 * `version`, each stack's `//.metadata.version`) is not compared either: for the cdktf and cdktn
 * flavours of the same program, whose output differs in that alone.
 *
 * Exits 1 on any difference, after a closing line `N passed, N failed`.
 */
'use strict';
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
let ref = path.join(root, 'examples', 'platform', 'cdktf.out');
const targets = [];
let frameworkVersion = false;
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--ref') ref = path.resolve(args[++i]);
  else if (args[i] === '--framework-version') frameworkVersion = true;
  else if (/^[\w-]+=/.test(args[i])) {
    const [lang, dir] = [args[i].slice(0, args[i].indexOf('=')), args[i].slice(args[i].indexOf('=') + 1)];
    targets.push({ lang, dir: path.resolve(dir) });
  } else {
    console.error(`usage: compare.js [--ref DIR] [--framework-version] [LANG=DIR ...] (got ${args[i]})`);
    process.exit(2);
  }
}
if (targets.length === 0) {
  for (const lang of ['python', 'java', 'go']) {
    const dir = path.join(root, 'examples', lang, 'cdktf.out');
    if (fs.existsSync(dir)) targets.push({ lang, dir });
  }
}
if (!fs.existsSync(path.join(ref, 'manifest.json'))) {
  console.error(`no reference synth in ${ref}: run 'npm run example' first`);
  process.exit(2);
}
if (targets.length === 0) {
  console.error('nothing to compare: no examples/{python,java,go}/cdktf.out');
  process.exit(2);
}

function listFiles(dir, rel = '') {
  const out = [];
  for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const r = path.join(rel, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(dir, r));
    else out.push(r);
  }
  return out.sort();
}

/** Languages whose maps have no order (see the header). */
const UNORDERED_MAPS = new Set(['go']);

/** The top-level entries of an HCL object literal `{ "a" = 1, "b" = [2, 3] }`, or undefined. */
function hclObjectEntries(text) {
  if (!text.startsWith('{ ') || !text.endsWith(' }')) return undefined;
  const body = text.slice(2, -2);
  const entries = [];
  let depth = 0;
  let inString = false;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if ('[{('.includes(c)) depth++;
    else if (']})'.includes(c)) depth--;
    else if (c === ',' && depth === 0) {
      entries.push(body.slice(start, i).trim());
      start = i + 1;
    }
  }
  entries.push(body.slice(start).trim());
  return depth === 0 && !inString ? entries : undefined;
}

/** The legitimate differences, normalized away (see the header). */
function normalize(file, json, lang) {
  if (path.basename(file) === 'manifest.json') {
    if (frameworkVersion) json.version = '<framework version>';
    for (const stack of Object.values(json.stacks ?? {})) {
      for (const annotation of stack.annotations ?? []) delete annotation.stacktrace;
    }
  } else if (path.basename(file) === 'cdk.tf.json') {
    if (frameworkVersion && json['//']?.metadata?.version) json['//'].metadata.version = '<framework version>';
    const local = json.terraform?.backend?.local;
    if (local && typeof local.path === 'string') local.path = `<program dir>/${path.basename(local.path)}`;
    if (UNORDERED_MAPS.has(lang.split('-')[0])) {
      for (const variable of Object.values(json.resource?.tfe_variable ?? {})) {
        const entries = variable.hcl === true && typeof variable.value === 'string' ? hclObjectEntries(variable.value) : undefined;
        if (entries) variable.value = `{ ${entries.sort().join(', ')} }`;
      }
    }
  }
  return json;
}

/** JSON with sorted keys, one value per line, so that differences can be reported by path. */
function flatten(value, prefix, out) {
  if (Array.isArray(value)) {
    if (value.length === 0) out.set(prefix, '[]');
    value.forEach((v, i) => flatten(v, `${prefix}[${i}]`, out));
  } else if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    if (keys.length === 0) out.set(prefix, '{}');
    for (const k of keys) flatten(value[k], `${prefix}.${JSON.stringify(k)}`, out);
  } else {
    out.set(prefix, JSON.stringify(value));
  }
  return out;
}

function compareFile(file, refDir, dir, lang) {
  const a = fs.readFileSync(path.join(refDir, file), 'utf8');
  const b = fs.readFileSync(path.join(dir, file), 'utf8');
  if (!file.endsWith('.json')) {
    if (a === b) return [];
    const la = a.split('\n');
    const lb = b.split('\n');
    const n = la.findIndex((line, i) => line !== lb[i]);
    return [`line ${n + 1}: ${JSON.stringify(la[n])} vs ${JSON.stringify(lb[n])}`];
  }
  const fa = flatten(normalize(file, JSON.parse(a), lang), '$', new Map());
  const fb = flatten(normalize(file, JSON.parse(b), lang), '$', new Map());
  const diffs = [];
  for (const [k, v] of fa) {
    if (!fb.has(k)) diffs.push(`${k}: ${v} vs (missing)`);
    else if (fb.get(k) !== v) diffs.push(`${k}: ${v} vs ${fb.get(k)}`);
  }
  for (const [k, v] of fb) if (!fa.has(k)) diffs.push(`${k}: (missing) vs ${v}`);
  return diffs;
}

const refFiles = listFiles(ref);
let passed = 0;
let failed = 0;
for (const { lang, dir } of targets) {
  const problems = [];
  if (!fs.existsSync(dir)) {
    problems.push(`${dir} does not exist`);
  } else {
    const files = listFiles(dir);
    for (const f of refFiles.filter((x) => !files.includes(x))) problems.push(`${f}: missing`);
    for (const f of files.filter((x) => !refFiles.includes(x))) problems.push(`${f}: not in the TypeScript synth`);
    for (const f of refFiles.filter((x) => files.includes(x))) {
      for (const d of compareFile(f, ref, dir, lang)) problems.push(`${f}: ${d}`);
    }
  }
  if (problems.length === 0) {
    passed++;
    console.log(`ok   ${lang}: ${refFiles.length} files identical to the TypeScript synth (${refFiles.join(', ')})`);
  } else {
    failed++;
    console.log(`FAIL ${lang}: ${problems.length} difference(s) from the TypeScript synth`);
    for (const p of problems.slice(0, 40)) console.log(`       ${p}`);
    if (problems.length > 40) console.log(`       ... and ${problems.length - 40} more`);
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
