import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdktf';
import { buildPlatform } from '../examples/platform/platform';
import { annotationLines, printSummary } from '../examples/platform/summary';
import { Clock } from '../src';

describe('the example platform summary', () => {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'tfe-summary-'));
  afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

  beforeAll(() => {
    const app = new App({ outdir });
    buildPlatform(app);
    app.synth();
  });

  test('lists every annotation the synth recorded, with its level, construct path and rule id', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8'));
    const recorded = Object.values<any>(manifest.stacks).flatMap((s) => s.annotations ?? []);
    expect(recorded.length).toBeGreaterThan(0);
    const lines = annotationLines(outdir);
    expect(lines).toHaveLength(recorded.length);
    expect(lines).toContainEqual(expect.stringMatching(/^info {2}platform\/PaymentsApi\/Slack: \[TFE-REF-001\] /));
  });

  test('prints them after the stacks', () => {
    const printed: string[] = [];
    const spy = jest.spyOn(console, 'log').mockImplementation((line: string) => { printed.push(line); });
    try {
      printSummary(outdir);
    } finally {
      spy.mockRestore();
    }
    const text = printed.join('\n');
    expect(text).toMatch(/annotation\(s\)/);
    expect(text.indexOf('[TFE-REF-001]')).toBeGreaterThan(text.indexOf('stack platform'));
  });
});

describe('the example platform after its dates have passed', () => {
  test('still synthesizes the same JSON, and warns about the expired token', () => {
    // GIVEN: the same program, synthesized today and with the clock fixed in 2040
    const synthAt = (now?: string) => {
      const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'tfe-clock-'));
      try {
        const app = new App({ outdir, context: now === undefined ? {} : { [Clock.CONTEXT_KEY]: now } });
        const { platform } = buildPlatform(app);
        app.synth();
        return {
          json: fs.readFileSync(path.join(outdir, 'stacks', platform.node.id, 'cdk.tf.json'), 'utf8'),
          notes: annotationLines(outdir),
        };
      } finally {
        fs.rmSync(outdir, { recursive: true, force: true });
      }
    };

    // WHEN
    const before = synthAt('2026-01-01T00:00:00Z');
    const after = synthAt('2040-01-01T00:00:00Z');

    // THEN
    expect(after.json).toEqual(before.json);
    expect(before.notes.filter((n) => n.includes('[TFE-TOK-005]'))).toEqual([]);
    expect(after.notes.filter((n) => n.includes('[TFE-TOK-005]'))).toEqual([
      expect.stringMatching(/^warning {2}platform\/Acme\/.*: \[TFE-TOK-005\] expiresAt "2027-06-30T00:00:00Z" is in the past \(now is 2040-01-01T00:00:00.000Z\)/),
    ]);
  });
});
