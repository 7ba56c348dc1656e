/**
 * `cdktf-tfe adopt`: reads an organization through the TFE API and writes a
 * program that adopts it (see README, "Adopting an existing organization").
 */
import * as fs from 'fs';
import * as path from 'path';
import { ApiClient, findToken, HttpAnswer, httpsTransport, Transport } from './api-client';
import { planProgram } from './program';
import { readOrganization } from './reader';
import { Language, render } from './render';
import { renderReport } from './report';
import { FLAVOUR } from '../framework';

const USAGE = `usage: ${FLAVOUR.library.bin} adopt --organization NAME [options]

Reads an HCP Terraform / Terraform Enterprise organization through the API and
writes a ${FLAVOUR.framework.npm} program that adopts it with ${FLAVOUR.library.npm} (every object
gets an import block), plus adoption-report.md.

  --organization NAME     the organization to read (required)
  --hostname HOST         the platform's hostname (default app.terraform.io)
  --out DIR               where to write the program (default ./<organization>-adopted)
  --language LANG         typescript (default) or python
  --no-groups             write every workspace on its own, never as a WorkspaceGroup
  --rate N                API requests per second at most (default and maximum 30)
  --record FILE           also save the API's answers to FILE (no token in it)
  --from-recording FILE   read the answers from FILE instead of the API (no token needed)
  --library-module NAME   the module the TypeScript program imports the library from
                          (default ${FLAVOUR.library.npm})

The token comes from TFE_TOKEN, TF_TOKEN_<host>, or the Terraform CLI credentials
file (~/.terraform.d/credentials.tfrc.json); it is never written anywhere.
`;

interface Args {
  organization?: string;
  hostname: string;
  out?: string;
  language: Language;
  groups: boolean;
  rate: number;
  record?: string;
  fromRecording?: string;
  libraryModule?: string;
}

function parse(argv: string[]): Args {
  const args: Args = { hostname: 'app.terraform.io', language: 'typescript', groups: true, rate: 30 };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined || next.startsWith('--')) throw new UsageError(`${flag} needs a value`);
      return next;
    };
    switch (flag) {
      case '--organization': args.organization = value(); break;
      case '--hostname': args.hostname = value(); break;
      case '--out': args.out = value(); break;
      case '--language': {
        const lang = value();
        if (lang !== 'typescript' && lang !== 'python') throw new UsageError(`--language is typescript or python, got ${JSON.stringify(lang)}`);
        args.language = lang;
        break;
      }
      case '--no-groups': args.groups = false; break;
      case '--rate': {
        const rate = Number(value());
        if (!(rate > 0 && rate <= 30)) throw new UsageError('--rate is a number above 0 and at most 30 (the API allows 30 requests per second)');
        args.rate = rate;
        break;
      }
      case '--record': args.record = value(); break;
      case '--from-recording': args.fromRecording = value(); break;
      case '--library-module': args.libraryModule = value(); break;
      default: throw new UsageError(`unknown option ${flag}`);
    }
  }
  if (!args.organization) throw new UsageError('--organization is required');
  return args;
}

class UsageError extends Error {}

/** A recording: the API's answers by path, for `--from-recording`. */
interface Recording {
  readonly hostname: string;
  readonly organization: string;
  readonly answers: { [path: string]: HttpAnswer };
}

/** The path of a request URL, without the host (the key of a recording). */
function pathOf(url: string): string {
  const u = new URL(url);
  return `${u.pathname}${u.search}`;
}

/** Answers from a recording; a request it does not hold answers 404 (as a type the server does not serve). */
export function replayTransport(recording: { answers: { [path: string]: HttpAnswer } }): Transport {
  return async (url) => recording.answers[pathOf(url)] ?? { status: 404, headers: {}, body: '{"errors":[{"status":"404","title":"not found"}]}' };
}

export async function main(argv: string[], out: NodeJS.WritableStream = process.stdout,
  err: NodeJS.WritableStream = process.stderr): Promise<number> {
  if (argv[0] === '--help' || argv[0] === '-h' || argv.length === 0) {
    out.write(USAGE);
    return argv.length === 0 ? 2 : 0;
  }
  if (argv[0] !== 'adopt') {
    err.write(`unknown command ${JSON.stringify(argv[0])}\n\n${USAGE}`);
    return 2;
  }
  let args: Args;
  try {
    args = parse(argv.slice(1));
  } catch (e) {
    if (e instanceof UsageError) {
      err.write(`${e.message}\n\n${USAGE}`);
      return 2;
    }
    throw e;
  }
  const organization = args.organization!;
  let transport: Transport;
  let token = 'recorded';
  let hostname = args.hostname;
  if (args.fromRecording) {
    const recording: Recording = JSON.parse(fs.readFileSync(args.fromRecording, 'utf8'));
    hostname = recording.hostname ?? hostname;
    transport = replayTransport(recording);
  } else {
    const found = findToken(hostname);
    if (!found) {
      err.write(`no API token for ${hostname}: set TFE_TOKEN, or run \`terraform login ${hostname}\`.\n`);
      return 1;
    }
    token = found;
    transport = httpsTransport();
  }
  const answers: { [path: string]: HttpAnswer } = {};
  if (args.record) {
    const inner = transport;
    transport = async (url, headers) => {
      const answer = await inner(url, headers);
      // Only what the replay needs: no request headers (the token), no response headers but Retry-After.
      answers[pathOf(url)] = { status: answer.status, headers: {}, body: answer.body };
      return answer;
    };
  }

  const tty = (err as any).isTTY === true;
  let lastProgress = 0;
  let objects = 0;
  const client = new ApiClient({
    hostname,
    token,
    transport,
    ratePerSecond: args.fromRecording ? 30 : args.rate,
    sleep: args.fromRecording ? async () => undefined : undefined,
    onRequest: (requests) => {
      const now = Date.now();
      if (tty ? now - lastProgress > 200 : requests % 250 === 0) {
        lastProgress = now;
        err.write(`${tty ? '\r' : ''}reading ${organization}: ${objects} objects, ${requests} requests${tty ? '' : '\n'}`);
      }
    },
  });
  const started = Date.now();
  const snapshot = await readOrganization(client, hostname, organization, { onProgress: (n) => { objects = n; } });
  const seconds = (Date.now() - started) / 1000;
  err.write(`${tty ? '\r' : ''}read ${organization}: ${snapshot.objectCount} objects, ${client.requests} requests, ${seconds.toFixed(1)} s\n`);

  const plan = planProgram(snapshot, { groups: args.groups });
  const dir = path.resolve(args.out ?? `${organization}-adopted`);
  fs.mkdirSync(dir, { recursive: true });
  const files = render(plan, { language: args.language, libraryModule: args.libraryModule, libraryVersion: libraryVersion() });
  files.push({ path: 'adoption-report.md', text: renderReport(plan, { requests: client.requests, objects: snapshot.objectCount, seconds, throttled: client.throttled }, args.language) });
  for (const f of files) fs.writeFileSync(path.join(dir, f.path), f.text);
  if (args.record) fs.writeFileSync(args.record, JSON.stringify({ hostname, organization, answers }, null, 1) + '\n');

  const total = [...plan.adopted.values()].reduce((a, b) => a + b, 0);
  out.write(`wrote ${files.map((f) => f.path).join(', ')} to ${dir}\n`);
  out.write(`${total} resources to import (${[...plan.adopted].map(([t, n]) => `${n} ${t}`).join(', ')})\n`);
  if (plan.sensitiveInputs.length) out.write(`${plan.sensitiveInputs.length} sensitive inputs to set before the first plan: ${plan.sensitiveInputs.map((s) => `TF_VAR_${s.variable}`).join(', ')}\n`);
  if (plan.notExpressed.length) out.write(`${plan.notExpressed.length} objects not expressed: see adoption-report.md\n`);
  return 0;
}

function libraryVersion(): string {
  try {
    // lib/private/adopt/cli.js -> package.json
    return JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8')).version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => process.exit(code), (e) => {
    process.stderr.write(`${FLAVOUR.library.bin} adopt: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
