import { Construct, IConstruct } from 'constructs';
import type { IOrganization } from './organization';
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
