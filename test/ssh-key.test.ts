import { SshKey as TfeSshKey } from '@cdktf/provider-tfe/lib/ssh-key';
import { Workspace as TfeWorkspace } from '@cdktf/provider-tfe/lib/workspace';
import { Testing } from 'cdktf';
import { secretVar, setup, validationError, warnings, WRITE_ONLY_TARGETS } from './util';
import { Errors, SshKey, Workspace } from '../src';

Testing.setupJest();

describe('SshKey', () => {
  test('creates tfe_ssh_key with the private key as a reference; a workspace takes its ID', () => {
    const { stack, org } = setup();
    const key = new SshKey(stack, 'Modules', { organization: org, name: 'modules-${key}', privateKey: secretVar(stack, 'ssh_private_key') });
    new Workspace(stack, 'Legacy', { organization: org, name: 'legacy', sshKeyId: key.sshKeyId });
    expect(key.sshKeyId).toBe(key.sshKeyId);
    const json = Testing.synth(stack, true);
    expect(json).toHaveResourceWithProperties(TfeSshKey, {
      name: 'modules-$${key}', key: '${var.ssh_private_key}', organization: expect.stringMatching(/tfe_organization\.Acme_/),
    });
    expect(json).toHaveResourceWithProperties(TfeWorkspace, { ssh_key_id: expect.stringMatching(/^\$\{tfe_ssh_key\.Modules_[0-9A-F]+\.id\}$/) });
  });

  test('a literal key is refused and never shown; allowPlaintextSecret downgrades it to a warning', () => {
    const { stack, org } = setup();
    const pem = '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----';
    const e = validationError(() => new SshKey(stack, 'A', { organization: org, name: 'a', privateKey: pem }));
    expect(Errors.ruleIdOf(e)).toBe('TFE-SECRET-001');
    expect(e.message).not.toContain('b3BlbnNz');
    const accepted = new SshKey(stack, 'B', { organization: org, name: 'b', privateKey: pem, allowPlaintextSecret: true });
    expect(warnings(accepted)).toEqual([expect.stringMatching(/^\[TFE-SECRET-002\] privateKey is a literal secret \(not shown\)/)]);
  });

  test('writeOnly writes key_wo and requires Terraform 1.11', () => {
    const { stack, org } = setup(WRITE_ONLY_TARGETS);
    new SshKey(stack, 'Modules', { organization: org, name: 'modules', privateKey: secretVar(stack, 'k'), writeOnly: true });
    const json = JSON.parse(Testing.synth(stack, true));
    const key = Object.values<any>(json.resource.tfe_ssh_key)[0];
    expect(key.key_wo).toBe('${var.k}');
    expect(key.key).toBeUndefined();
    expect(json.terraform.required_version).toBe('>= 1.11.0');
  });

  test('names are unique per organization and not empty; the key is not empty; IDs have their form', () => {
    const { stack, org } = setup();
    new SshKey(stack, 'A', { organization: org, name: 'deploy', privateKey: secretVar(stack, 'a') });
    expect(Errors.ruleIdOf(validationError(() => new SshKey(stack, 'B', { organization: org, name: 'deploy', privateKey: secretVar(stack, 'b') })))).toBe('TFE-SSH-001');
    expect(Errors.ruleIdOf(validationError(() => new SshKey(stack, 'C', { organization: org, name: '', privateKey: secretVar(stack, 'c') })))).toBe('TFE-NAME-021');
    expect(Errors.ruleIdOf(validationError(() => new SshKey(stack, 'D', { organization: org, name: 'd', privateKey: '' })))).toBe('TFE-SSH-002');
    expect(Errors.ruleIdOf(validationError(() => SshKey.fromSshKeyId(stack, 'E', 'deploy')))).toBe('TFE-ID-013');
    expect(SshKey.fromSshKeyId(stack, 'F', 'sshkey-GxrePWre1Ezug7aM').sshKeyId).toBe('sshkey-GxrePWre1Ezug7aM');
  });
});
