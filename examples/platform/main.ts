/**
 * Synthesizes the example platform into examples/platform/cdktf.out and
 * prints what it produced.
 *
 *   npm run example
 */
import * as path from 'path';
import { App } from 'cdktf';
import { buildPlatform } from './platform';
import { printSummary } from './summary';

const outdir = path.join(__dirname, 'cdktf.out');
const app = new App({ outdir });
buildPlatform(app);
app.synth();
printSummary(outdir);
