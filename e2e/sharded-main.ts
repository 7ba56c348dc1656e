/**
 * Entry point of the sharded app (tier 8) for `cdktf deploy` / `cdktf destroy`:
 * synthesizes `buildShardedApp` for the server and organization in
 * E2E_HOSTNAME and E2E_ORGANIZATION, at the step in E2E_SHARD_STEP.
 */
import { App } from 'cdktf';
import { buildShardedApp, ShardStep } from './apps';

const hostname = process.env.E2E_HOSTNAME;
const organization = process.env.E2E_ORGANIZATION;
if (!hostname || !organization) {
  throw new Error('E2E_HOSTNAME and E2E_ORGANIZATION must be set (the suite sets them)');
}
const app = new App();
buildShardedApp(app, { hostname, organization }, (process.env.E2E_SHARD_STEP as ShardStep) ?? ShardStep.INITIAL);
app.synth();
