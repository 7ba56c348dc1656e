/**
 * Entry point of the deploy tier's app for `cdktf deploy` / `cdktf destroy`
 * (the generated cdktf.json runs it): synthesizes `buildDeployApp` into the
 * directory the CLI gives (CDKTF_OUTDIR), for the server and organization in
 * E2E_HOSTNAME and E2E_ORGANIZATION.
 */
import { App } from 'cdktf';
import { buildDeployApp } from './apps';

const hostname = process.env.E2E_HOSTNAME;
const organization = process.env.E2E_ORGANIZATION;
if (!hostname || !organization) {
  throw new Error('E2E_HOSTNAME and E2E_ORGANIZATION must be set (the suite sets them)');
}
const app = new App();
buildDeployApp(app, { hostname, organization });
app.synth();
