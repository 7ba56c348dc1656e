import * as fs from 'fs';
import * as path from 'path';
import { TerraformStack, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { buildPlatform, PlatformOptions } from '../examples/platform/platform';
import { Moves, PolicySet, Team, WorkspaceAccess, WorkspaceGroup } from '../src';

/**
 * Locks the Terraform addresses of the example platform. An address changes
 * when a construct is renamed or moved, and Terraform then plans to destroy
 * and re-create the resource (for a workspace: deleting its state). If this
 * test fails after a refactoring, keep the old addresses with
 * `Moves.renamedFrom(construct, '<old path>')` (see README, "Renaming
 * without replacing"); update the snapshot (`npx projen test:update`) only
 * for resources that are meant to be new or gone.
 */
function synth(stack: TerraformStack): any {
  return JSON.parse(Testing.synth(stack, true));
}

function addresses(json: any): string[] {
  const out: string[] = [];
  for (const kind of ['resource', 'data'] as const) {
    for (const [type, byName] of Object.entries<any>(json[kind] ?? {})) {
      for (const name of Object.keys(byName)) out.push(`${kind === 'data' ? 'data.' : ''}${type}.${name}`);
    }
  }
  return out.sort();
}

function platform(options: PlatformOptions = {}): any {
  return synth(buildPlatform(Testing.app(), options).platform);
}

/**
 * The example platform plus connections whose targets share construct ids
 * (the example's own have none): a second family whose members are also
 * `dev` and `prod`, one policy set attached to both families, and two teams
 * both with construct id `Ops`. With ids taken from construct ids and a
 * counter for repeats, these addresses followed the order of the calls.
 */
function platformWithSharedIds(options: PlatformOptions = {}): any {
  const { platform: stack } = buildPlatform(Testing.app(), options);
  const networking = stack.networking;
  const org = networking.organization;
  const compute = new WorkspaceGroup(stack, 'Compute', {
    organization: org, prefix: 'compute-', members: [{ shortName: 'dev' }, { shortName: 'prod' }],
  });
  const baseline = new PolicySet(stack, 'Baseline', { organization: org, name: 'baseline' });
  const computeOps = new Team(new Construct(stack, 'ComputeTeams'), 'Ops', { organization: org, name: 'compute-ops' });
  const networkOps = new Team(new Construct(stack, 'NetworkTeams'), 'Ops', { organization: org, name: 'network-ops' });
  const connections: Array<() => unknown> = [
    () => baseline.attachToGroup(networking),
    () => baseline.attachToGroup(compute),
    () => baseline.exclude(stack.paymentsApi),
    () => compute.member('prod').grantAccess(computeOps, WorkspaceAccess.WRITE),
    () => compute.member('prod').grantAccess(networkOps, WorkspaceAccess.READ),
    () => compute.member('dev').triggeredBy(networking.member('dev')),
    () => compute.member('prod').triggeredBy(networking.member('prod')),
    () => baseline.addParameter(stack.paymentsApi.workspaceName, 'payments'),
  ];
  if (options.connectionOrder === 'reversed') connections.reverse();
  for (const connect of connections) connect();
  return synth(stack);
}

/**
 * The addresses the example platform had when connection resources (grants,
 * attachments, run triggers) were named after the target's construct id, with
 * a counter for repeats.
 */
const ORDER_BASED_ADDRESSES: string[] = JSON.parse(
  fs.readFileSync(path.join(__dirname, 'fixtures', 'example-platform-addresses-order-based-ids.json'), 'utf8'),
);

describe('stable addresses', () => {
  test('the example platform keeps its resource addresses', () => {
    // GIVEN the example platform
    const app = Testing.app();
    const { platform: stack, paymentsApp } = buildPlatform(app);
    // THEN its addresses are the locked ones
    expect(addresses(synth(stack))).toMatchSnapshot();
    expect(addresses(synth(paymentsApp))).toEqual([]);
  });

  test('addresses do not depend on the order of grants, attachments and run triggers', () => {
    // GIVEN the example platform (with targets that share construct ids) built with
    // its connections made as written and in reverse
    const asWritten = platformWithSharedIds();
    const reversed = platformWithSharedIds({ connectionOrder: 'reversed' });
    // THEN both plan the same resources at the same addresses, with the same arguments
    expect(addresses(reversed)).toEqual(addresses(asWritten));
    expect(reversed.resource).toEqual(asWritten.resource);
    expect(reversed.moved).toEqual(asWritten.moved);
  });

  test('a program written for the order-based addresses plans no replacement: every old address moves or stays', () => {
    // GIVEN the example platform, whose state holds the order-based addresses
    const json = platform();
    const current = new Set(addresses(json));
    const moves: { from: string; to: string }[] = json.moved ?? [];
    const movedFrom = new Map(moves.map((m) => [m.from, m.to]));
    // THEN every old address is still declared, or moves to a declared address
    const lost = ORDER_BASED_ADDRESSES.filter((a) => !current.has(a) && !current.has(movedFrom.get(a) ?? ''));
    expect(lost).toEqual([]);
    // AND the platform's connections did change address (so the moves are exercised)
    expect(moves.length).toBeGreaterThan(10);
    // AND every move is valid for Terraform: from a free old address to a declared one, each once
    for (const m of moves) {
      expect(ORDER_BASED_ADDRESSES).toContain(m.from);
      expect(current.has(m.from)).toBe(false);
      expect(current.has(m.to)).toBe(true);
    }
    expect(new Set(moves.map((m) => m.from)).size).toBe(moves.length);
    expect(new Set(moves.map((m) => m.to)).size).toBe(moves.length);
  });

  test('the moves can be left out once every environment has applied them', () => {
    const app = Testing.app({ context: { [Moves.LEGACY_ADDRESS_MOVES_CONTEXT_KEY]: false } });
    const json = synth(buildPlatform(app).platform);
    expect(json.moved).toBeUndefined();
  });
});
