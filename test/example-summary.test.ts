import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdktf';
import { buildPlatform } from '../examples/platform/platform';
import { annotationLines, printSummary } from '../examples/platform/summary';

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
