import { IConstruct } from 'constructs';
import type { IOrganization } from './organization';

/**
 * A connection between the organization and a VCS provider, through which
 * workspaces and policy sets read repositories: an OAuth client's token or a
 * GitHub App installation.
 */
export interface IVcsConnection extends IConstruct {
  /**
   * The OAuth token ID (`ot-...`) to put in `vcs_repo.oauth_token_id`, for OAuth clients.
   * @attribute
   */
  readonly oauthTokenId?: string;

  /**
   * The GitHub App installation ID (`ghain-...`) to put in
   * `vcs_repo.github_app_installation_id`, for GitHub App installations.
   * @attribute
   */
  readonly githubAppInstallationId?: string;

  /**
   * The organization the connection belongs to; undefined for GitHub App
   * installations, which are not tied to one organization.
   */
  readonly organization?: IOrganization;
}
