import { TerraformStack, Testing } from 'cdktf';
import { buildPlatform } from '../examples/platform/platform';

/**
 * Locks the Terraform addresses of the example platform. An address changes
 * when a construct is renamed or moved, and Terraform then plans to destroy
 * and re-create the resource (for a workspace: deleting its state). If this
 * test fails after a refactoring, keep the old addresses with
 * `Moves.renamedFrom(construct, '<old path>')` (see README, "Renaming
 * without replacing"); update the snapshot (`npx projen test:update`) only
 * for resources that are meant to be new or gone.
 */
function addresses(stack: TerraformStack): string[] {
  const json = JSON.parse(Testing.synth(stack, true));
  const out: string[] = [];
  for (const kind of ['resource', 'data'] as const) {
    for (const [type, byName] of Object.entries<any>(json[kind] ?? {})) {
      for (const name of Object.keys(byName)) out.push(`${kind === 'data' ? 'data.' : ''}${type}.${name}`);
    }
  }
  return out.sort();
}

describe('stable addresses', () => {
  test('the example platform keeps its resource addresses', () => {
    // GIVEN the example platform
    const app = Testing.app();
    const { platform, paymentsApp } = buildPlatform(app);
    // THEN its addresses are the locked ones
    expect(addresses(platform)).toMatchSnapshot();
    expect(addresses(paymentsApp)).toEqual([]);
  });

  test('addresses do not depend on construction order', () => {
    const a = addresses(buildPlatform(Testing.app()).platform);
    const b = addresses(buildPlatform(Testing.app()).platform);
    expect(a).toEqual(b);
  });
});
