import { Construct, IConstruct } from 'constructs';
import type { IOrganization } from './organization';
import { adopt, adoptedId, importPart, organizationNameFor } from './private/adoption';
import { DataTfeOrganizationMembership, OrganizationMembership } from './private/l1-classes';
import { memoized } from './private/memo';
import { checkForm } from './private/names';
import { escapeTemplate } from './private/text';

/**
 * A user's membership of an organization.
 */
export interface IOrganizationMember extends IConstruct {
  /**
   * The membership's ID (`ou-...`), what team membership resources take.
   * @attribute
   */
  readonly membershipId: string;

  /**
   * The organization the membership belongs to.
   */
  readonly organization: IOrganization;
}

/**
 * Options to invite a member, without the organization.
 */
export interface OrganizationMemberOptions {
  /**
   * The user's email address. The platform sends the invitation there.
   */
  readonly email: string;
}

/**
 * Properties of an organization member.
 */
export interface OrganizationMemberProps extends OrganizationMemberOptions {
  /**
   * The organization to invite the user to.
   */
  readonly organization: IOrganization;
}

/**
 * Invites a user to an organization (`tfe_organization_membership`).
 * Put the member in teams with `team.addMember(member)`.
 */
export class OrganizationMember extends Construct implements IOrganizationMember {
  /**
   * References an existing membership by its ID. Creates nothing.
   */
  public static fromMembershipId(scope: Construct, id: string, organization: IOrganization, membershipId: string): IOrganizationMember {
    return new ImportedMember(scope, id, organization, membershipId);
  }

  /**
   * Looks up an existing member of the organization by email address
   * (a `tfe_organization_membership` data source). Creates nothing.
   */
  public static fromEmail(scope: Construct, id: string, organization: IOrganization, email: string): IOrganizationMember {
    const member = new ImportedMember(scope, id, organization, undefined);
    checkForm(member, 'memberEmail', 'The member email', email);
    const lookup = new DataTfeOrganizationMembership(member, 'Lookup', {
      organization: organization.organizationName,
      email: escapeTemplate(email),
    });
    member.setId(lookup.id);
    return member;
  }

  public readonly membershipId: string;
  public readonly organization: IOrganization;

  /**
   * The user's ID once the invitation is accepted.
   * @attribute
   */
  public get userId(): string {
    return memoized(this, 'userId', () => this.resource.userId);
  }

  private readonly resource: OrganizationMembership;

  constructor(scope: Construct, id: string, props: OrganizationMemberProps) {
    super(scope, id);
    checkForm(this, 'memberEmail', 'The member email', props.email);
    this.resource = new OrganizationMembership(this, 'Resource', {
      organization: props.organization.organizationName,
      email: escapeTemplate(props.email),
    });
    this.organization = props.organization;
    this.membershipId = this.resource.id;
  }

  /**
   * Takes over the membership, which already exists on the platform: the app
   * writes a Terraform `import` block for its `tfe_organization_membership`
   * (import ID: the membership ID when given, else
   * `<organization>/<user email>`, which then must be literal strings). After the apply that imports it, it is managed exactly like one this app created.
   *
   * @param membershipId the membership's ID (`ou-...`)
   * @default - imported by organization name and email
   */
  public adoptExisting(membershipId?: string): void {
    const given = membershipId === undefined ? undefined : adoptedId(this, 'membershipId', 'The membership ID', membershipId);
    adopt(this, given, (r) => (r === this.resource
      ? given ?? `${organizationNameFor(this, this.organization)}/${importPart(this, 'the member email', this.resource.emailInput)}`
      : undefined));
  }
}

class ImportedMember extends Construct implements IOrganizationMember {
  public readonly organization: IOrganization;
  public membershipId: string;

  constructor(scope: Construct, id: string, organization: IOrganization, membershipId: string | undefined) {
    super(scope, id);
    this.organization = organization;
    checkForm(this, 'membershipId', 'The membership ID', membershipId);
    this.membershipId = membershipId ?? '';
  }

  public setId(id: string): void {
    this.membershipId = id;
  }
}
