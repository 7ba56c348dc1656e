import { DataTfeOrganizationMembership } from '@cdktf/provider-tfe/lib/data-tfe-organization-membership';
import { OrganizationMembership } from '@cdktf/provider-tfe/lib/organization-membership';
import { TeamOrganizationMembers } from '@cdktf/provider-tfe/lib/team-organization-members';
import { Lazy, TerraformOutput, TerraformVariable, Testing } from 'cdktf';
import 'cdktf/lib/testing/adapters/jest';
import { Errors, Organization, OrganizationMember } from '../src';
import { errorOf, newStack } from './util';

Testing.setupJest();

describe('OrganizationMember', () => {
  test('inviteMember creates a tfe_organization_membership in the organization', () => {
    // GIVEN
    const stack = newStack();
    const acme = new Organization(stack, 'Acme', { name: 'acme', email: 'platform@acme.example' });

    // WHEN
    const alice = acme.inviteMember('Alice', { email: 'alice@acme.example' });
    new TerraformOutput(stack, 'membership', { value: alice.membershipId });
    new TerraformOutput(stack, 'user', { value: alice.userId });

    // THEN
    const json = Testing.synth(stack, true);
    expect(json).toHaveResourceWithProperties(OrganizationMembership, {
      email: 'alice@acme.example',
      organization: expect.stringMatching(/^\$\{tfe_organization\.Acme_[0-9A-F]{8}\.name\}$/),
    });
    const outputs = JSON.parse(json).output;
    expect(outputs.membership.value).toMatch(/^\$\{tfe_organization_membership\.Acme_Alice_[0-9A-F]{8}\.id\}$/);
    expect(outputs.user.value).toMatch(/^\$\{tfe_organization_membership\.Acme_Alice_[0-9A-F]{8}\.user_id\}$/);
    expect(alice.organization).toBe(acme);
  });

  test('can be created directly, in an imported organization', () => {
    // GIVEN
    const stack = newStack();
    const acme = Organization.fromOrganizationName(stack, 'Acme', 'acme');

    // WHEN
    new OrganizationMember(stack, 'Bob', { organization: acme, email: 'bob@acme.example' });

    // THEN
    expect(Testing.synth(stack, true)).toHaveResourceWithProperties(OrganizationMembership, {
      email: 'bob@acme.example',
      organization: 'acme',
    });
  });

  test.each(['alice', 'alice@acme', 'alice @acme.example', '@acme.example', 'alice@', ''])('refuses the email %j', (email) => {
    // GIVEN
    const stack = newStack();
    const acme = new Organization(stack, 'Acme', { name: 'acme', email: 'platform@acme.example' });

    // WHEN
    const e = errorOf(() => acme.inviteMember('Alice', { email }));

    // THEN
    expect(Errors.isValidationError(e)).toBe(true);
    expect(Errors.constructPathOf(e)).toBe('test/Acme/Alice');
    expect(e.message).toBe(
      `test/Acme/Alice: [TFE-MEMBER-001] member email ${JSON.stringify(email)} is not an email address: give the user's address, e.g. "jane@example.com".`,
    );
  });

  test('a lazy invalid email fails the synth', () => {
    // GIVEN
    const stack = newStack();
    const acme = new Organization(stack, 'Acme', { name: 'acme', email: 'platform@acme.example' });
    acme.inviteMember('Alice', { email: Lazy.stringValue({ produce: () => 'alice' }) });

    // WHEN / THEN
    expect(() => Testing.synth(stack, true)).toThrow(/\[test\/Acme\/Alice\] \[TFE-MEMBER-001\] member email "alice" is not an email address/);
  });

  test('an email from a variable synthesizes', () => {
    // GIVEN
    const stack = newStack();
    const acme = new Organization(stack, 'Acme', { name: 'acme', email: 'platform@acme.example' });
    const email = new TerraformVariable(stack, 'email', { type: 'string' });

    // WHEN
    const alice = acme.inviteMember('Alice', { email: email.stringValue });

    // THEN
    expect(Testing.synth(stack, true)).toHaveResourceWithProperties(OrganizationMembership, { email: '${var.email}' });
    expect(alice.node.metadata.map((m) => m.type)).toEqual(['@cdktf/info']);
  });

  describe('fromMembershipId', () => {
    test('creates nothing and uses the ID as it is', () => {
      // GIVEN
      const stack = newStack();
      const acme = Organization.fromOrganizationName(stack, 'Acme', 'acme');

      // WHEN
      const bob = OrganizationMember.fromMembershipId(stack, 'Bob', acme, 'ou-abc123');

      // THEN
      expect(bob.membershipId).toBe('ou-abc123');
      expect(bob.organization).toBe(acme);
      const json = JSON.parse(Testing.synth(stack, true));
      expect(json.resource).toBeUndefined();
      expect(json.data).toBeUndefined();
    });

    test('the member can join a team', () => {
      // GIVEN
      const stack = newStack();
      const acme = Organization.fromOrganizationName(stack, 'Acme', 'acme');
      const bob = OrganizationMember.fromMembershipId(stack, 'Bob', acme, 'ou-abc123');

      // WHEN
      acme.addTeam('Ops', { name: 'ops', members: [bob] });

      // THEN
      expect(Testing.synth(stack, true)).toHaveResourceWithProperties(TeamOrganizationMembers, {
        organization_membership_ids: ['ou-abc123'],
      });
    });

    test.each(['abc123', 'user-abc123', 'ou-', 'ou-abc 123', 'OU-abc123'])('refuses the ID %j', (id) => {
      // GIVEN
      const stack = newStack();
      const acme = Organization.fromOrganizationName(stack, 'Acme', 'acme');

      // WHEN
      const e = errorOf(() => OrganizationMember.fromMembershipId(stack, 'Bob', acme, id));

      // THEN
      expect(Errors.constructPathOf(e)).toBe('test/Bob');
      expect(e.message).toBe(
        `test/Bob: [TFE-ID-004] membership ID ${JSON.stringify(id)} is not an organization membership ID: it looks like "ou-abc123".`,
      );
    });

    test('a lazy invalid ID fails the synth', () => {
      // GIVEN
      const stack = newStack();
      const acme = Organization.fromOrganizationName(stack, 'Acme', 'acme');
      OrganizationMember.fromMembershipId(stack, 'Bob', acme, Lazy.stringValue({ produce: () => 'bob' }));

      // WHEN / THEN
      expect(() => Testing.synth(stack, true)).toThrow(/\[test\/Bob\] \[TFE-ID-004\] membership ID "bob" is not an organization membership ID/);
    });
  });

  describe('fromEmail', () => {
    test('creates exactly one data source and nothing else', () => {
      // GIVEN
      const stack = newStack();
      const acme = Organization.fromOrganizationName(stack, 'Acme', 'acme');

      // WHEN
      const carol = OrganizationMember.fromEmail(stack, 'Carol', acme, 'carol@acme.example');
      new TerraformOutput(stack, 'membership', { value: carol.membershipId });

      // THEN
      const json = Testing.synth(stack, true);
      expect(json).toHaveDataSourceWithProperties(DataTfeOrganizationMembership, {
        email: 'carol@acme.example',
        organization: 'acme',
      });
      const parsed = JSON.parse(json);
      expect(parsed.resource).toBeUndefined();
      expect(Object.keys(parsed.data)).toEqual(['tfe_organization_membership']);
      expect(Object.keys(parsed.data.tfe_organization_membership)).toHaveLength(1);
      expect(parsed.output.membership.value).toMatch(/^\$\{data\.tfe_organization_membership\.Carol_Lookup_[0-9A-F]{8}\.id\}$/);
      expect(carol.organization).toBe(acme);
    });

    test('refuses an invalid email', () => {
      // GIVEN
      const stack = newStack();
      const acme = Organization.fromOrganizationName(stack, 'Acme', 'acme');

      // WHEN
      const e = errorOf(() => OrganizationMember.fromEmail(stack, 'Carol', acme, 'carol'));

      // THEN
      expect(Errors.constructPathOf(e)).toBe('test/Carol');
      expect(e.message).toMatch(/^test\/Carol: \[TFE-MEMBER-001\] member email "carol" is not an email address: give the user's address/);
    });
  });
});
