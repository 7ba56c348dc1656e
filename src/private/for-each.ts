/**
 * The building blocks of compact (`for_each`) output: a resource block whose
 * arguments are expressions over `each.value`, a `moved` block list, and a
 * data file written next to `cdk.tf.json` at synthesis.
 *
 * The rows of a large family are plain data. Written inline, every row would
 * go through cdktf's token resolution (three passes over the whole stack) and
 * its sorted JSON writer, which cost about twenty times as much as
 * serializing the same data. Written to a JSON file that the configuration
 * reads with `jsondecode(file(...))`, they are serialized once, by
 * `JSON.stringify`, and cdk.tf.json stays small.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Construct, IConstruct } from 'constructs';
import { addCustomSynthesis, TerraformElement, TerraformResource, TerraformResourceLifecycle, TerraformStack } from './framework';
import { TFE_GENERATOR_METADATA } from './resource-schema';

/**
 * A resource written once for a whole family: `for_each` over a map of the
 * data file, arguments as expressions (`${each.value.name}`, ...).
 */
export class ForEachResource extends TerraformResource {
  constructor(
    scope: Construct, id: string, terraformResourceType: string,
    forEach: string,
    /** The arguments, by Terraform name: expressions or literal values; produced at synthesis. */
    private readonly args: () => Record<string, unknown>,
    lifecycle?: TerraformResourceLifecycle,
  ) {
    super(scope, id, { terraformResourceType, terraformGeneratorMetadata: TFE_GENERATOR_METADATA, lifecycle });
    this.addOverride('for_each', forEach);
  }

  /** The address of one instance, e.g. `tfe_workspace.Fleet_Workspaces_1A2B3C4D["payments-dev"]`. */
  public instanceAddress(key: string): string {
    return `${this.terraformResourceType}.${this.friendlyUniqueId}[${JSON.stringify(key)}]`;
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    return this.args();
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const out: { [name: string]: any } = {};
    for (const [name, value] of Object.entries(this.args())) {
      if (value === undefined) continue;
      const kind = typeof value === 'boolean' ? 'boolean' : typeof value === 'number' ? 'number' : 'string';
      out[name] = { value, isBlock: false, type: 'simple', storageClassType: kind };
    }
    return out;
  }
}

/** One `moved` block. */
export interface MovedBlock {
  readonly from: string;
  readonly to: string;
}

/**
 * `moved` blocks produced at synthesis (for instances of `for_each`
 * resources, which cdktf's `moveTo` does not address).
 */
export class MovedBlocks extends TerraformElement {
  constructor(scope: Construct, id: string, private readonly blocks: () => MovedBlock[]) {
    super(scope, id);
  }

  public toTerraform(): any {
    const moved = this.blocks();
    return moved.length ? { moved: moved.map((m) => ({ from: m.from, to: m.to })) } : {};
  }

  public toHclTerraform(): any {
    return this.toTerraform();
  }
}

/**
 * Writes a file into the stack's output directory at every synthesis, beside
 * cdk.tf.json (`${path.module}/<fileName>` from the configuration). Uses
 * the framework's custom-synthesis hook, the one `TerraformAsset` uses.
 */
export function writeBesideStack(construct: IConstruct, fileName: string, contents: () => string): void {
  addCustomSynthesis(construct, {
    onSynthesize(session) {
      const dir = path.join(session.outdir, session.manifest.forStack(TerraformStack.of(construct)).workingDirectory);
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, fileName), contents());
    },
  });
}
