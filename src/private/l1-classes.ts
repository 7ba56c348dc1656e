/**
 * The provider's L1 classes this library instantiates, each handing out its
 * logical id and metadata path one byte per character (see
 * `compact-strings.ts`). The constructs create their L1 resources and data
 * sources through these names, never through `@cdktf/provider-tfe` directly;
 * the types are the provider's. A check for resources the user created
 * (`instanceof`) must use the provider's class, of which these are subclasses.
 * The resources that connect two things (grants, attachments, run triggers,
 * parameters) also move from the addresses earlier versions gave them (see
 * `legacy-addresses.ts`).
 */
import { AgentPool as L1AgentPool } from '@cdktf/provider-tfe/lib/agent-pool';
import { AgentPoolAllowedProjects as L1AgentPoolAllowedProjects } from '@cdktf/provider-tfe/lib/agent-pool-allowed-projects';
import { AgentPoolAllowedWorkspaces as L1AgentPoolAllowedWorkspaces } from '@cdktf/provider-tfe/lib/agent-pool-allowed-workspaces';
import { AgentToken as L1AgentToken } from '@cdktf/provider-tfe/lib/agent-token';
import { DataTfeGithubAppInstallation as L1DataTfeGithubAppInstallation } from '@cdktf/provider-tfe/lib/data-tfe-github-app-installation';
import { DataTfeOauthClient as L1DataTfeOauthClient } from '@cdktf/provider-tfe/lib/data-tfe-oauth-client';
import { DataTfeOrganizationMembership as L1DataTfeOrganizationMembership } from '@cdktf/provider-tfe/lib/data-tfe-organization-membership';
import { DataTfeProject as L1DataTfeProject } from '@cdktf/provider-tfe/lib/data-tfe-project';
import { DataTfeTeam as L1DataTfeTeam } from '@cdktf/provider-tfe/lib/data-tfe-team';
import { DataTfeVariableSet as L1DataTfeVariableSet } from '@cdktf/provider-tfe/lib/data-tfe-variable-set';
import { DataTfeWorkspace as L1DataTfeWorkspace } from '@cdktf/provider-tfe/lib/data-tfe-workspace';
import { NotificationConfiguration as L1NotificationConfiguration } from '@cdktf/provider-tfe/lib/notification-configuration';
import { OauthClient as L1OauthClient } from '@cdktf/provider-tfe/lib/oauth-client';
import { Organization as L1Organization } from '@cdktf/provider-tfe/lib/organization';
import { OrganizationMembership as L1OrganizationMembership } from '@cdktf/provider-tfe/lib/organization-membership';
import { OrganizationToken as L1OrganizationToken } from '@cdktf/provider-tfe/lib/organization-token';
import { Policy as L1Policy } from '@cdktf/provider-tfe/lib/policy';
import { PolicySet as L1PolicySet } from '@cdktf/provider-tfe/lib/policy-set';
import { PolicySetParameter as L1PolicySetParameter } from '@cdktf/provider-tfe/lib/policy-set-parameter';
import { Project as L1Project } from '@cdktf/provider-tfe/lib/project';
import { ProjectPolicySet as L1ProjectPolicySet } from '@cdktf/provider-tfe/lib/project-policy-set';
import { ProjectVariableSet as L1ProjectVariableSet } from '@cdktf/provider-tfe/lib/project-variable-set';
import { RunTrigger as L1RunTrigger } from '@cdktf/provider-tfe/lib/run-trigger';
import { Team as L1Team } from '@cdktf/provider-tfe/lib/team';
import { TeamOrganizationMembers as L1TeamOrganizationMembers } from '@cdktf/provider-tfe/lib/team-organization-members';
import { TeamProjectAccess as L1TeamProjectAccess } from '@cdktf/provider-tfe/lib/team-project-access';
import { TeamToken as L1TeamToken } from '@cdktf/provider-tfe/lib/team-token';
import { VariableSet as L1VariableSet } from '@cdktf/provider-tfe/lib/variable-set';
import { WorkspacePolicySet as L1WorkspacePolicySet } from '@cdktf/provider-tfe/lib/workspace-policy-set';
import { WorkspacePolicySetExclusion as L1WorkspacePolicySetExclusion } from '@cdktf/provider-tfe/lib/workspace-policy-set-exclusion';
import { WorkspaceVariableSet as L1WorkspaceVariableSet } from '@cdktf/provider-tfe/lib/workspace-variable-set';
import { withCompactStrings } from './compact-strings';
import { withLegacyAddress } from './legacy-addresses';

export const TfeAgentPool = withCompactStrings(L1AgentPool);
export type TfeAgentPool = L1AgentPool;
export const AgentPoolAllowedProjects = withCompactStrings(L1AgentPoolAllowedProjects);
export type AgentPoolAllowedProjects = L1AgentPoolAllowedProjects;
export const AgentPoolAllowedWorkspaces = withCompactStrings(L1AgentPoolAllowedWorkspaces);
export type AgentPoolAllowedWorkspaces = L1AgentPoolAllowedWorkspaces;
export const TfeAgentToken = withCompactStrings(L1AgentToken);
export type TfeAgentToken = L1AgentToken;
export const DataTfeGithubAppInstallation = withCompactStrings(L1DataTfeGithubAppInstallation);
export type DataTfeGithubAppInstallation = L1DataTfeGithubAppInstallation;
export const DataTfeOauthClient = withCompactStrings(L1DataTfeOauthClient);
export type DataTfeOauthClient = L1DataTfeOauthClient;
export const DataTfeOrganizationMembership = withCompactStrings(L1DataTfeOrganizationMembership);
export type DataTfeOrganizationMembership = L1DataTfeOrganizationMembership;
export const DataTfeProject = withCompactStrings(L1DataTfeProject);
export type DataTfeProject = L1DataTfeProject;
export const DataTfeTeam = withCompactStrings(L1DataTfeTeam);
export type DataTfeTeam = L1DataTfeTeam;
export const DataTfeVariableSet = withCompactStrings(L1DataTfeVariableSet);
export type DataTfeVariableSet = L1DataTfeVariableSet;
export const DataTfeWorkspace = withCompactStrings(L1DataTfeWorkspace);
export type DataTfeWorkspace = L1DataTfeWorkspace;
export const NotificationConfiguration = withCompactStrings(L1NotificationConfiguration);
export type NotificationConfiguration = L1NotificationConfiguration;
export const TfeOauthClient = withCompactStrings(L1OauthClient);
export type TfeOauthClient = L1OauthClient;
export const TfeOrganization = withCompactStrings(L1Organization);
export type TfeOrganization = L1Organization;
export const OrganizationMembership = withCompactStrings(L1OrganizationMembership);
export type OrganizationMembership = L1OrganizationMembership;
export const TfeOrganizationToken = withCompactStrings(L1OrganizationToken);
export type TfeOrganizationToken = L1OrganizationToken;
export const TfePolicy = withCompactStrings(L1Policy);
export type TfePolicy = L1Policy;
export const TfePolicySet = withCompactStrings(L1PolicySet);
export type TfePolicySet = L1PolicySet;
export const PolicySetParameter = withLegacyAddress(withCompactStrings(L1PolicySetParameter));
export type PolicySetParameter = L1PolicySetParameter;
export const TfeProject = withCompactStrings(L1Project);
export type TfeProject = L1Project;
export const ProjectPolicySet = withLegacyAddress(withCompactStrings(L1ProjectPolicySet));
export type ProjectPolicySet = L1ProjectPolicySet;
export const ProjectVariableSet = withLegacyAddress(withCompactStrings(L1ProjectVariableSet));
export type ProjectVariableSet = L1ProjectVariableSet;
export const RunTrigger = withLegacyAddress(withCompactStrings(L1RunTrigger));
export type RunTrigger = L1RunTrigger;
export const TfeTeam = withCompactStrings(L1Team);
export type TfeTeam = L1Team;
export const TeamOrganizationMembers = withCompactStrings(L1TeamOrganizationMembers);
export type TeamOrganizationMembers = L1TeamOrganizationMembers;
export const TeamProjectAccess = withLegacyAddress(withCompactStrings(L1TeamProjectAccess));
export type TeamProjectAccess = L1TeamProjectAccess;
export const TfeTeamToken = withCompactStrings(L1TeamToken);
export type TfeTeamToken = L1TeamToken;
export const TfeVariableSet = withCompactStrings(L1VariableSet);
export type TfeVariableSet = L1VariableSet;
export const WorkspacePolicySet = withLegacyAddress(withCompactStrings(L1WorkspacePolicySet));
export type WorkspacePolicySet = L1WorkspacePolicySet;
export const WorkspacePolicySetExclusion = withLegacyAddress(withCompactStrings(L1WorkspacePolicySetExclusion));
export type WorkspacePolicySetExclusion = L1WorkspacePolicySetExclusion;
export const WorkspaceVariableSet = withLegacyAddress(withCompactStrings(L1WorkspaceVariableSet));
export type WorkspaceVariableSet = L1WorkspaceVariableSet;
