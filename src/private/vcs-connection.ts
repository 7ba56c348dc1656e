import { IConstruct } from 'constructs';
import type { IOrganization } from '../organization';
import type { IVcsConnection } from '../vcs';
import { identityOf, sameIdentity } from './registry';
import { fail, quote } from './validation';

/**
 * Checks the VCS connection a workspace or policy set reads its repository
 * through: exactly one of an OAuth token or a GitHub App installation, and
 * (for OAuth clients) of the same organization.
 *
 * @param what the connection's user, for messages: `workspace` or `policy set`
 */
export function checkVcsConnection(
  scope: IConstruct, what: string, connection: IVcsConnection | undefined, organization: IOrganization,
): asserts connection is IVcsConnection {
  if (!connection || (connection.oauthTokenId === undefined) === (connection.githubAppInstallationId === undefined)) {
    fail(scope, 'TFE-VCS-015',
      `the ${what}'s VCS repository needs a connection with exactly one of an OAuth token ID or a GitHub App installation ID: ` +
      'pass an OAuthClient or a GitHubAppInstallation.');
  }
  if (connection.organization && !sameIdentity(connection.organization, organization)) {
    fail(scope, 'TFE-VCS-016',
      `VCS connection ${connection.node.path} belongs to organization ${quote(identityOf(connection.organization))}, ` +
      `but this ${what} belongs to ${quote(identityOf(organization))}: use a connection of the ${what}'s organization.`);
  }
}
