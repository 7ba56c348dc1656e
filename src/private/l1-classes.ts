/**
 * The provider's L1 classes this library instantiates, each handing out its
 * logical id and metadata path one byte per character (see
 * `compact-strings.ts`). The constructs create their L1 resources and data
 * sources through these names, never through `@cdktf/provider-tfe` directly;
 * the types are the provider's. A check for resources the user created
 * (`instanceof`) must use the provider's class, of which these are subclasses.
 */
import { withCompactStrings } from './compact-strings';
import {
  AgentPool as L1AgentPool,
  AgentPoolAllowedProjects as L1AgentPoolAllowedProjects,
  AgentPoolAllowedWorkspaces as L1AgentPoolAllowedWorkspaces,
  AgentPoolExcludedWorkspaces as L1AgentPoolExcludedWorkspaces,
  AgentToken as L1AgentToken,
  DataTfeAgentPool as L1DataTfeAgentPool,
  DataTfeGithubAppInstallation as L1DataTfeGithubAppInstallation,
  DataTfeOauthClient as L1DataTfeOauthClient,
  DataTfeOrganizationMembership as L1DataTfeOrganizationMembership,
  DataTfeOrganizationRunTask as L1DataTfeOrganizationRunTask,
  DataTfeOutputs as L1DataTfeOutputs,
  DataTfePolicySet as L1DataTfePolicySet,
  DataTfeProject as L1DataTfeProject,
  DataTfeTeam as L1DataTfeTeam,
  DataTfeVariableSet as L1DataTfeVariableSet,
  DataTfeWorkspace as L1DataTfeWorkspace,
  NoCodeModule as L1NoCodeModule,
  NotificationConfiguration as L1NotificationConfiguration,
  OauthClient as L1OauthClient,
  Organization as L1Organization,
  OrganizationDefaultSettings as L1OrganizationDefaultSettings,
  OrganizationMembership as L1OrganizationMembership,
  OrganizationRunTask as L1OrganizationRunTask,
  OrganizationRunTaskGlobalSettings as L1OrganizationRunTaskGlobalSettings,
  OrganizationToken as L1OrganizationToken,
  Policy as L1Policy,
  PolicySet as L1PolicySet,
  PolicySetParameter as L1PolicySetParameter,
  Project as L1Project,
  ProjectOauthClient as L1ProjectOauthClient,
  ProjectPolicySet as L1ProjectPolicySet,
  ProjectSettings as L1ProjectSettings,
  ProjectVariableSet as L1ProjectVariableSet,
  RegistryModule as L1RegistryModule,
  RunTrigger as L1RunTrigger,
  SshKey as L1SshKey,
  Team as L1Team,
  TeamNotificationConfiguration as L1TeamNotificationConfiguration,
  TeamOrganizationMembers as L1TeamOrganizationMembers,
  TeamProjectAccess as L1TeamProjectAccess,
  TeamToken as L1TeamToken,
  TestVariable as L1TestVariable,
  VariableSet as L1VariableSet,
  WorkspacePolicySet as L1WorkspacePolicySet,
  WorkspacePolicySetExclusion as L1WorkspacePolicySetExclusion,
  WorkspaceRunTask as L1WorkspaceRunTask,
  WorkspaceVariableSet as L1WorkspaceVariableSet,
} from './framework';
import { withImportCheck } from './import-ids';

export const TfeAgentPool = withImportCheck(withCompactStrings(L1AgentPool));
export type TfeAgentPool = L1AgentPool;
export const AgentPoolAllowedProjects = withImportCheck(withCompactStrings(L1AgentPoolAllowedProjects));
export type AgentPoolAllowedProjects = L1AgentPoolAllowedProjects;
export const AgentPoolAllowedWorkspaces = withImportCheck(withCompactStrings(L1AgentPoolAllowedWorkspaces));
export type AgentPoolAllowedWorkspaces = L1AgentPoolAllowedWorkspaces;
export const TfeAgentToken = withImportCheck(withCompactStrings(L1AgentToken));
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
export const NotificationConfiguration = withImportCheck(withCompactStrings(L1NotificationConfiguration));
export type NotificationConfiguration = L1NotificationConfiguration;
export const TfeOauthClient = withImportCheck(withCompactStrings(L1OauthClient));
export type TfeOauthClient = L1OauthClient;
export const TfeOrganization = withImportCheck(withCompactStrings(L1Organization));
export type TfeOrganization = L1Organization;
export const OrganizationMembership = withImportCheck(withCompactStrings(L1OrganizationMembership));
export type OrganizationMembership = L1OrganizationMembership;
export const TfeOrganizationToken = withImportCheck(withCompactStrings(L1OrganizationToken));
export type TfeOrganizationToken = L1OrganizationToken;
export const TfePolicy = withImportCheck(withCompactStrings(L1Policy));
export type TfePolicy = L1Policy;
export const TfePolicySet = withImportCheck(withCompactStrings(L1PolicySet));
export type TfePolicySet = L1PolicySet;
export const PolicySetParameter = withImportCheck(withCompactStrings(L1PolicySetParameter));
export type PolicySetParameter = L1PolicySetParameter;
export const TfeProject = withImportCheck(withCompactStrings(L1Project));
export type TfeProject = L1Project;
export const ProjectPolicySet = withImportCheck(withCompactStrings(L1ProjectPolicySet));
export type ProjectPolicySet = L1ProjectPolicySet;
export const ProjectVariableSet = withImportCheck(withCompactStrings(L1ProjectVariableSet));
export type ProjectVariableSet = L1ProjectVariableSet;
export const RunTrigger = withImportCheck(withCompactStrings(L1RunTrigger));
export type RunTrigger = L1RunTrigger;
export const TfeTeam = withImportCheck(withCompactStrings(L1Team));
export type TfeTeam = L1Team;
export const TeamOrganizationMembers = withImportCheck(withCompactStrings(L1TeamOrganizationMembers));
export type TeamOrganizationMembers = L1TeamOrganizationMembers;
export const TeamProjectAccess = withImportCheck(withCompactStrings(L1TeamProjectAccess));
export type TeamProjectAccess = L1TeamProjectAccess;
export const TfeTeamToken = withImportCheck(withCompactStrings(L1TeamToken));
export type TfeTeamToken = L1TeamToken;
export const TfeVariableSet = withImportCheck(withCompactStrings(L1VariableSet));
export type TfeVariableSet = L1VariableSet;
export const WorkspacePolicySet = withImportCheck(withCompactStrings(L1WorkspacePolicySet));
export type WorkspacePolicySet = L1WorkspacePolicySet;
export const WorkspacePolicySetExclusion = withImportCheck(withCompactStrings(L1WorkspacePolicySetExclusion));
export type WorkspacePolicySetExclusion = L1WorkspacePolicySetExclusion;
export const WorkspaceVariableSet = withImportCheck(withCompactStrings(L1WorkspaceVariableSet));
export type WorkspaceVariableSet = L1WorkspaceVariableSet;
export const DataTfeOrganizationRunTask = withCompactStrings(L1DataTfeOrganizationRunTask);
export type DataTfeOrganizationRunTask = L1DataTfeOrganizationRunTask;
export const DataTfeOutputs = withCompactStrings(L1DataTfeOutputs);
export type DataTfeOutputs = L1DataTfeOutputs;
export const TfeNoCodeModule = withImportCheck(withCompactStrings(L1NoCodeModule));
export type TfeNoCodeModule = L1NoCodeModule;
export const TfeOrganizationRunTask = withImportCheck(withCompactStrings(L1OrganizationRunTask));
export type TfeOrganizationRunTask = L1OrganizationRunTask;
export const OrganizationRunTaskGlobalSettings = withImportCheck(withCompactStrings(L1OrganizationRunTaskGlobalSettings));
export type OrganizationRunTaskGlobalSettings = L1OrganizationRunTaskGlobalSettings;
export const TfeRegistryModule = withImportCheck(withCompactStrings(L1RegistryModule));
export type TfeRegistryModule = L1RegistryModule;
export const TfeTestVariable = withImportCheck(withCompactStrings(L1TestVariable));
export type TfeTestVariable = L1TestVariable;
export const WorkspaceRunTask = withImportCheck(withCompactStrings(L1WorkspaceRunTask));
export type WorkspaceRunTask = L1WorkspaceRunTask;
export const AgentPoolExcludedWorkspaces = withImportCheck(withCompactStrings(L1AgentPoolExcludedWorkspaces));
export type AgentPoolExcludedWorkspaces = L1AgentPoolExcludedWorkspaces;
export const DataTfeAgentPool = withCompactStrings(L1DataTfeAgentPool);
export type DataTfeAgentPool = L1DataTfeAgentPool;
export const DataTfePolicySet = withCompactStrings(L1DataTfePolicySet);
export type DataTfePolicySet = L1DataTfePolicySet;
export const OrganizationDefaultSettings = withImportCheck(withCompactStrings(L1OrganizationDefaultSettings));
export type OrganizationDefaultSettings = L1OrganizationDefaultSettings;
export const ProjectOauthClient = withImportCheck(withCompactStrings(L1ProjectOauthClient));
export type ProjectOauthClient = L1ProjectOauthClient;
export const ProjectSettings = withImportCheck(withCompactStrings(L1ProjectSettings));
export type ProjectSettings = L1ProjectSettings;
export const TfeSshKey = withImportCheck(withCompactStrings(L1SshKey));
export type TfeSshKey = L1SshKey;
export const TeamNotificationConfiguration = withImportCheck(withCompactStrings(L1TeamNotificationConfiguration));
export type TeamNotificationConfiguration = L1TeamNotificationConfiguration;
