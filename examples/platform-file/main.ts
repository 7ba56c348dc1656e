/**
 * Loads platform.yaml into a stack and synthesizes it (cdktf.out): the
 * declarative platform of examples/platform-file. main.py does the same in
 * Python; polyglot/run.sh checks that both write the same JSON.
 *
 *   npx ts-node main.ts
 */
import * as path from 'path';
import { TfeProvider } from '@cdktf/provider-tfe/lib/provider';
import { App, TerraformStack } from 'cdktf';
import { PlatformFile, Tenant } from '../../src';

export function buildPlatformFileApp(app: App, hostname = process.env.TFE_HOSTNAME ?? 'app.terraform.io'): TerraformStack {
  const stack = new TerraformStack(app, 'tenants');
  new TfeProvider(stack, 'tfe', { hostname });
  const platform = PlatformFile.load(stack, 'Platform', path.join(__dirname, 'platform.yaml'));
  // A tenant written in code next to the file's (the same construct the file's tenants are).
  new Tenant(stack, 'Ledger', { organization: platform.organization, name: 'ledger', environments: ['prod'], managementWorkspace: false });
  return stack;
}

if (require.main === module) {
  const app = new App({ outdir: process.env.CDKTF_OUTDIR ?? path.join(__dirname, 'cdktf.out') });
  buildPlatformFileApp(app);
  app.synth();
  console.log(`synthesized ${path.join(__dirname, 'cdktf.out')}`);
}
