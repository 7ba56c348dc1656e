import {
  booleanToHclTerraform,
  booleanToTerraform,
  hashMapper,
  hashMapperHcl,
  listMapper,
  listMapperHcl,
  stringToHclTerraform,
  stringToTerraform,
} from './framework';

/**
 * How one argument of a resource is written: the same mappers and HCL
 * descriptors the provider's generated (L1) classes use, so a resource the
 * library writes through a schema synthesizes exactly like the L1 class.
 *
 * The library writes the resources it creates most often (one or more per
 * workspace) this way instead of through the L1 classes: an L1 class creates
 * its output references (and a token with a captured stack trace for each)
 * in its constructor, whether or not anything reads them, which dominates
 * the build time and a good part of the memory at tens of thousands of
 * workspaces.
 */
export type Argument =
  | { readonly kind: 'string' | 'boolean' }
  /** A list or set of strings. */
  | { readonly kind: 'list' | 'set' }
  /** A map of strings. */
  | { readonly kind: 'map' }
  /** A nested block; `many` for a list of blocks, otherwise at most one. */
  | {
    readonly kind: 'block';
    readonly many: boolean;
    readonly storageClassType: string;
    readonly json: (value: any) => any;
    readonly hcl: (value: any) => any;
  };

/** The arguments of a resource, by Terraform name, in the provider's order. */
export type Schema = Readonly<Record<string, Argument>>;

const SCALAR_JSON = { string: stringToTerraform, boolean: booleanToTerraform } as const;
const SCALAR_HCL = { string: stringToHclTerraform, boolean: booleanToHclTerraform } as const;

/**
 * The arguments for `cdk.tf.json`. Unset arguments are left out (the L1
 * classes write them as `undefined`, which the synth drops).
 */
export function schemaToJson(schema: Schema, values: Readonly<Record<string, unknown>>): Record<string, any> {
  const out: Record<string, any> = {};
  for (const name in schema) {
    const value = values[name];
    if (value === undefined) continue;
    const arg = schema[name];
    switch (arg.kind) {
      case 'string': case 'boolean':
        out[name] = SCALAR_JSON[arg.kind](value);
        break;
      case 'list': case 'set':
        out[name] = listMapper(stringToTerraform, false)(value);
        break;
      case 'map':
        out[name] = hashMapper(stringToTerraform)(value);
        break;
      case 'block':
        out[name] = arg.many ? listMapper(arg.json, true)(value) : arg.json(value);
        break;
    }
  }
  return out;
}

/**
 * The arguments for `cdktf synth --hcl`, as the L1 classes describe them.
 */
export function schemaToHcl(schema: Schema, values: Readonly<Record<string, unknown>>): Record<string, any> {
  const out: Record<string, any> = {};
  for (const name in schema) {
    const value = values[name];
    if (value === undefined) continue;
    const arg = schema[name];
    let described: { value: any; isBlock: boolean; type: string; storageClassType: string };
    switch (arg.kind) {
      case 'string': case 'boolean':
        described = { value: SCALAR_HCL[arg.kind](value), isBlock: false, type: 'simple', storageClassType: arg.kind };
        break;
      case 'list': case 'set':
        described = { value: listMapperHcl(stringToHclTerraform, false)(value), isBlock: false, type: arg.kind, storageClassType: 'stringList' };
        break;
      case 'map':
        described = { value: hashMapperHcl(stringToHclTerraform)(value), isBlock: false, type: 'map', storageClassType: 'stringMap' };
        break;
      case 'block':
        described = { value: arg.many ? listMapperHcl(arg.hcl, true)(value) : arg.hcl(value), isBlock: true, type: 'list', storageClassType: arg.storageClassType };
        break;
    }
    if (described.value !== undefined) out[name] = described;
  }
  return out;
}

/** What the provider's generated classes record about themselves. */
export const TFE_GENERATOR_METADATA = {
  providerName: 'tfe',
  providerVersion: '0.71.0',
  providerVersionConstraint: '~> 0.33',
};
