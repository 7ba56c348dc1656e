import { Construct, IConstruct } from 'constructs';
import type { IOrganization } from './organization';
import { TfeSshKey } from './private/l1-classes';
import { memoized } from './private/memo';
import { checkForm } from './private/names';
import { claim, identityOf, setIdentity } from './private/registry';
import { checkSecret } from './private/secrets';
import { escapeTemplate } from './private/text';
import { fail, literal, quote } from './private/validation';
import { useWriteOnly } from './private/write-only';

/**
 * An SSH key of an organization, created here or referenced.
 */
export interface ISshKey extends IConstruct {
  /**
   * The key's ID (`sshkey-...`), for `Workspace`'s `sshKeyId`.
   * @attribute
   */
  readonly sshKeyId: string;
}

/**
 * Properties of an SSH key.
 */
export interface SshKeyProps {
  /**
   * The organization the key belongs to.
   */
  readonly organization: IOrganization;

  /**
   * The key's name, unique in the organization.
   */
  readonly name: string;

  /**
   * The private key (PEM text). A secret: pass a sensitive reference, such as
   * a sensitive `TerraformVariable`'s value; a literal is refused unless
   * `allowPlaintextSecret`.
   */
  readonly privateKey: string;

  /**
   * Write the private key to the write-only argument `key_wo`, so the
   * Terraform state never holds it. Needs Terraform 1.11 or later (the stack
   * declares `required_version ">= 1.11.0"`). Provider 0.71.0 replaces the
   * key when it changes, and a key read from an ephemeral resource is refused
   * (it would replace the key on every apply).
   * @default false
   */
  readonly writeOnly?: boolean;

  /**
   * Accept a literal `privateKey`. It is written in plain text to the
   * synthesized JSON (and a warning says so).
   * @default false
   */
  readonly allowPlaintextSecret?: boolean;
}

/**
 * A private SSH key with which runs fetch Terraform modules from private git
 * repositories (`tfe_ssh_key`). Give its `sshKeyId` to a workspace's
 * `sshKeyId`.
 *
 * @example
 * const deployKey = new SshKey(stack, 'ModulesKey', {
 *   organization: acme,
 *   name: 'modules-deploy-key',
 *   privateKey: new TerraformVariable(stack, 'modules_ssh_key', { type: 'string', sensitive: true }).stringValue,
 * });
 * new Workspace(stack, 'Legacy', { organization: acme, name: 'legacy', sshKeyId: deployKey.sshKeyId });
 */
export class SshKey extends Construct implements ISshKey {
  /**
   * References an existing SSH key by ID (`sshkey-...`). Creates nothing.
   */
  public static fromSshKeyId(scope: Construct, id: string, sshKeyId: string): ISshKey {
    const key = new ImportedSshKey(scope, id, sshKeyId);
    checkForm(key, 'sshKeyId', 'The SSH key ID', sshKeyId);
    return key;
  }

  /**
   * The organization the key belongs to.
   */
  public readonly organization: IOrganization;

  private readonly resource: TfeSshKey;

  constructor(scope: Construct, id: string, props: SshKeyProps) {
    super(scope, id);
    this.organization = props.organization;
    checkForm(this, 'sshKey', 'The SSH key name', props.name);
    const name = literal(props.name);
    if (name !== undefined) {
      const holder = claim(this, `ssh-key-name:${identityOf(props.organization)}`, name);
      if (holder !== undefined) {
        fail(this, 'TFE-SSH-001',
          `SSH key name ${quote(name)} is already used by ${holder} in organization ${props.organization.node.path}: ` +
          'SSH key names are unique per organization; choose another name.');
      }
      setIdentity(this, `ssh-key:${identityOf(props.organization)}/${name}`, name);
    }
    if (props.privateKey === undefined || props.privateKey === '') {
      fail(this, 'TFE-SSH-002', 'privateKey is empty: give the private key (PEM text) as a sensitive reference.');
    }
    checkSecret(this, { what: 'privateKey', variableName: 'ssh_private_key' }, props.privateKey, props.allowPlaintextSecret ?? false);
    if (props.writeOnly) useWriteOnly(this, 'privateKey', props.privateKey);

    this.resource = new TfeSshKey(this, 'Resource', {
      organization: props.organization.organizationName,
      name: escapeTemplate(props.name),
      key: props.writeOnly ? undefined : props.privateKey,
      keyWo: props.writeOnly ? props.privateKey : undefined,
    });
  }

  /**
   * The key's ID (`sshkey-...`).
   * @attribute
   */
  public get sshKeyId(): string {
    return memoized(this, 'sshKeyId', () => this.resource.id);
  }
}

class ImportedSshKey extends Construct implements ISshKey {
  public readonly sshKeyId: string;

  constructor(scope: Construct, id: string, sshKeyId: string) {
    super(scope, id);
    this.sshKeyId = sshKeyId;
    setIdentity(this, `ssh-key-id:${sshKeyId}`);
  }
}
