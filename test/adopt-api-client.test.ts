import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ApiClient, findToken, HttpAnswer } from '../src/private/adopt/api-client';

/** A transport answering from a queue per path, counting requests; a fake clock that sleeping advances. */
function fake(answers: Record<string, HttpAnswer[]>) {
  let now = 0;
  const sent: { url: string; at: number; headers: Record<string, string> }[] = [];
  return {
    sent,
    now: () => now,
    sleep: async (ms: number) => { now += ms; },
    transport: async (url: string, headers: Record<string, string>) => {
      sent.push({ url, at: now, headers });
      const key = new URL(url).pathname + new URL(url).search;
      const queue = answers[key];
      if (!queue || queue.length === 0) return { status: 404, headers: {}, body: '' };
      return queue.length > 1 ? queue.shift()! : queue[0];
    },
  };
}

const page = (n: number) => `page%5Bnumber%5D=${n}&page%5Bsize%5D=100`;
const body = (data: any[], next: number | null) => JSON.stringify({ data, meta: { pagination: { 'next-page': next } } });

describe('ApiClient', () => {
  test('follows pages of 100, sends the token as a bearer header', async () => {
    const f = fake({
      [`/api/v2/organizations/acme/teams?${page(1)}`]: [{ status: 200, headers: {}, body: body([{ id: 'team-a', type: 'teams', attributes: {} }], 2) }],
      [`/api/v2/organizations/acme/teams?${page(2)}`]: [{ status: 200, headers: {}, body: body([{ id: 'team-b', type: 'teams', attributes: {} }], null) }],
    });
    const client = new ApiClient({ hostname: 'tfe.example.com', token: 's3cret', transport: f.transport, sleep: f.sleep, now: f.now });
    const result = await client.list('/organizations/acme/teams');
    expect(result).toEqual({ objects: [expect.objectContaining({ id: 'team-a' }), expect.objectContaining({ id: 'team-b' })] });
    expect(client.requests).toBe(2);
    expect(f.sent[0].url).toBe(`https://tfe.example.com/api/v2/organizations/acme/teams?${page(1)}`);
    expect(f.sent[0].headers.Authorization).toBe('Bearer s3cret');
  });

  test('never more than 30 requests per second', async () => {
    const f = fake({ '/api/v2/ping': [{ status: 200, headers: {}, body: '{"data":{"id":"x","type":"t","attributes":{}}}' }] });
    const client = new ApiClient({ hostname: 'h', token: 't', transport: f.transport, sleep: f.sleep, now: f.now });
    for (let i = 0; i < 91; i++) await client.object('/ping');
    // 91 requests: the last starts 3 s after the first.
    expect(f.sent[90].at - f.sent[0].at).toBeGreaterThanOrEqual(3000);
    for (let i = 30; i < f.sent.length; i++) expect(f.sent[i].at - f.sent[i - 30].at).toBeGreaterThanOrEqual(1000);
    const slower = fake({ '/api/v2/ping': [{ status: 200, headers: {}, body: '{"data":{"id":"x","type":"t","attributes":{}}}' }] });
    const c2 = new ApiClient({ hostname: 'h', token: 't', transport: slower.transport, sleep: slower.sleep, now: slower.now, ratePerSecond: 5 });
    for (let i = 0; i < 6; i++) await c2.object('/ping');
    expect(slower.sent[5].at - slower.sent[0].at).toBe(1000);
    expect(() => new ApiClient({ hostname: 'h', token: 't', ratePerSecond: 0 })).toThrow(/above 0/);
  });

  test('a 429 is waited out for as long as Retry-After says, then retried', async () => {
    const f = fake({
      '/api/v2/organizations/acme': [
        { status: 429, headers: { 'retry-after': '7' }, body: '' },
        { status: 200, headers: {}, body: '{"data":{"id":"acme","type":"organizations","attributes":{}}}' },
      ],
    });
    const client = new ApiClient({ hostname: 'h', token: 't', transport: f.transport, sleep: f.sleep, now: f.now });
    const org = await client.object('/organizations/acme');
    expect(org?.id).toBe('acme');
    expect(client.requests).toBe(2);
    expect(client.throttled).toBe(1);
    expect(f.sent[1].at - f.sent[0].at).toBeGreaterThanOrEqual(7000);
  });

  test('a type the server does not serve (404) is reported, not fatal; other errors are', async () => {
    const f = fake({ [`/api/v2/organizations/acme/boom?${page(1)}`]: [{ status: 401, headers: {}, body: '{"errors":[{"status":"401","title":"unauthorized"}]}' }] });
    const client = new ApiClient({ hostname: 'h', token: 't', transport: f.transport, sleep: f.sleep, now: f.now });
    expect(await client.list('/organizations/acme/projects')).toEqual({ notServed: 'GET /organizations/acme/projects answered 404' });
    await expect(client.list('/organizations/acme/boom')).rejects.toThrow(/answered 401: unauthorized/);
  });

  test('the token: TFE_TOKEN, then TF_TOKEN_<host>, then the CLI credentials file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'creds-'));
    fs.writeFileSync(path.join(dir, 'credentials.tfrc.json'), JSON.stringify({ credentials: { 'tfe.example.com': { token: 'from-file' } } }));
    expect(findToken('tfe.example.com', { TFE_TOKEN: 'env' }, dir)).toBe('env');
    expect(findToken('tfe.example.com', { TF_TOKEN_tfe_example_com: 'host' }, dir)).toBe('host');
    expect(findToken('tfe.example.com', { TF_CLI_CONFIG_DIR: dir }, '/nowhere')).toBe('from-file');
    expect(findToken('other.example.com', { TF_CLI_CONFIG_DIR: dir }, '/nowhere')).toBeUndefined();
  });
});
