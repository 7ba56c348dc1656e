import * as v8 from 'v8';
import { Team as TfeTeam } from '@cdktf/provider-tfe/lib/team';
import { TerraformDataSource, TerraformElement, TerraformResource, TerraformStack, Testing } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { newOrg, newStack } from './util';
import { buildPlatform } from '../examples/platform/platform';
import { compactLogicalId, compactNodeMetadata, compactString, withCompactStrings } from '../src/private/compact-strings';
import { VariableValue } from '../src/variable-value';
import { Workspace } from '../src/workspace';

/**
 * Whether V8 stores `s` one byte per character: its serializer writes a
 * one-byte string with the tag `"` and a two-byte string with `c` (after an
 * alignment byte when needed).
 */
function isOneByte(s: string): boolean {
  return v8.serialize(s)[2] === '"'.charCodeAt(0);
}

/** A two-byte string holding `ascii` (a slice of a two-byte string is two-byte). */
function twoByte(ascii: string): string {
  const s = `\u2014${ascii}`.slice(1);
  expect(isOneByte(s)).toBe(false);
  return s;
}

/** The getter `prop` resolves to on `obj`. */
function getterOf(obj: object, prop: string): unknown {
  for (let p = obj; p; p = Object.getPrototypeOf(p)) {
    const d = Object.getOwnPropertyDescriptor(p, prop);
    if (d !== undefined) return d.get;
  }
  return undefined;
}

function elements(scope: IConstruct): TerraformElement[] {
  return scope.node.findAll().filter((c): c is TerraformElement =>
    c instanceof TerraformResource || c instanceof TerraformDataSource);
}

describe('compactString', () => {
  test('stores a two-byte string of Latin-1 characters one byte per character', () => {
    const id = twoByte('Platform_Payments_Api_1A2B3C4D');
    const compact = compactString(id);
    expect(compact).toBe(id);
    expect(isOneByte(compact)).toBe(true);
  });

  test('leaves characters beyond Latin-1 as they are', () => {
    const s = 'caf\u00e9 \u2014 \u{1F600}';
    expect(compactString(s)).toBe(s);
  });

  test('compactNodeMetadata stores the construct path compactly and keeps the rest', () => {
    const meta = compactNodeMetadata({ metadata: { path: twoByte('platform/Networking/dev/Resource'), uniqueId: 'Networking_dev_1A2B3C4D' } });
    expect(meta).toEqual({ metadata: { path: 'platform/Networking/dev/Resource', uniqueId: 'Networking_dev_1A2B3C4D' } });
    expect(isOneByte(meta.metadata.path)).toBe(true);
    expect(compactNodeMetadata({})).toEqual({});
  });

  test('compactLogicalId follows a changed allocation', () => {
    const element = {};
    expect(compactLogicalId(element, twoByte('First_1A2B3C4D'))).toBe('First_1A2B3C4D');
    expect(isOneByte(compactLogicalId(element, twoByte('First_1A2B3C4D')))).toBe(true);
    expect(compactLogicalId(element, 'Second')).toBe('Second');
  });
});

describe('logical ids of the elements this library creates', () => {
  test('every resource and data source of the example platform has a one-byte logical id, the one cdktf allocates', () => {
    // GIVEN the example platform (nested constructs, ids built from templates)
    const { platform } = buildPlatform(Testing.app());
    const all = elements(platform);
    expect(all.length).toBeGreaterThan(50);
    // THEN every class the library instantiates hands out compact strings
    for (const prop of ['friendlyUniqueId', 'constructNodeMetadata']) {
      const cdktfs = getterOf(TerraformElement.prototype, prop);
      expect(cdktfs).toBeDefined();
      expect(all.filter((e) => getterOf(e, prop) === cdktfs).map((e) => e.node.path)).toEqual([]);
    }
    // AND every address is the stack's allocation, stored one byte per character
    const twoByteIds = all.filter((e) => !isOneByte(e.friendlyUniqueId)).map((e) => e.node.path);
    expect(twoByteIds).toEqual([]);
    for (const e of all) expect(e.friendlyUniqueId).toBe(platform.getLogicalId(e));
  });

  test('the synthesized JSON of the example platform is one byte per character', () => {
    // Whether cdktf's joins come out two-byte depends on when V8 collects
    // garbage, so the platform is built and synthesized a few times.
    for (let i = 0; i < 4; i++) {
      const { platform } = buildPlatform(Testing.app());
      expect(isOneByte(JSON.stringify(platform.toTerraform()))).toBe(true);
    }
  });

  test('overrideLogicalId still applies, to a wrapped L1 class and to Variable', () => {
    // GIVEN an L1 team through the compact subclass and a variable, both nested
    const stack: TerraformStack = newStack();
    const org = newOrg(stack);
    const scope = new Construct(stack, `Platform${1}`);
    const resource = new (withCompactStrings(TfeTeam))(scope, 'Admins', { name: 'admins', organization: 'acme' });
    const api = new Workspace(scope, 'Api', { organization: org, name: 'api' });
    const variable = api.addVariable('Region', { key: 'region', value: VariableValue.string('eu-west-1') });
    // WHEN their logical ids are overridden
    resource.overrideLogicalId('custom_team');
    variable.overrideLogicalId('custom_variable');
    // THEN the overrides are the addresses
    const json = JSON.parse(Testing.synth(stack));
    expect(Object.keys(json.resource.tfe_team)).toEqual(['custom_team']);
    expect(Object.keys(json.resource.tfe_variable)).toEqual(['custom_variable']);
  });
});
