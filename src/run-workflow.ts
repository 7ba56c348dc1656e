import type { IVcsConnection } from './vcs';

/**
 * How runs start in a workspace.
 */
export enum RunWorkflowKind {
  /** Runs start from commits and pull requests of a linked repository. */
  VCS = 'vcs',
  /** Runs start from `terraform plan` / `terraform apply` on a developer's or CI machine. */
  CLI = 'cli',
  /** Runs start from tooling that uploads configuration versions through the API. */
  API = 'api',
}

/**
 * Options of the VCS-driven workflow.
 */
export interface VcsWorkflowOptions {
  /**
   * The VCS connection (OAuth client or GitHub App installation) that reads the repository.
   */
  readonly connection: IVcsConnection;

  /**
   * The repository: `<vcs organization>/<repository>`, or for Azure DevOps
   * `<organization>/<project>/_git/<repository>`.
   */
  readonly repository: string;

  /**
   * The branch runs start from.
   * @default - the repository's default branch
   */
  readonly branch?: string;

  /**
   * Start runs for Git tags that match this regular expression, instead of
   * for commits. Excludes trigger prefixes, trigger patterns and file triggers.
   * @default - runs start from commits
   */
  readonly tagsRegex?: string;

  /**
   * Start runs only for commits that change files under these
   * repository-root-relative paths (plus the working directory).
   * Excludes `triggerPatterns` and `tagsRegex`.
   * @default - no prefixes
   */
  readonly triggerPrefixes?: string[];

  /**
   * Start runs only for commits that change files matching these glob patterns.
   * Excludes `triggerPrefixes` and `tagsRegex`.
   * @default - no patterns
   */
  readonly triggerPatterns?: string[];

  /**
   * Whether only changes under the working directory (and trigger prefixes or
   * patterns) start runs. With false, every push starts a run.
   * @default - true, or false with `tagsRegex`
   */
  readonly fileTriggersEnabled?: boolean;

  /**
   * Whether Git submodules are fetched with the repository.
   * @default false
   */
  readonly ingressSubmodules?: boolean;
}

/**
 * The run workflow of a workspace, an explicit choice among VCS-driven,
 * CLI-driven and API-driven.
 *
 * @example
 * RunWorkflow.vcs({ connection: github, repository: 'acme/networking', branch: 'main' })
 * RunWorkflow.cliDriven()
 */
export class RunWorkflow {
  /**
   * Runs start from a linked repository. CLI-driven applies are refused by the
   * platform (the repository is the source of truth); speculative plans from
   * the CLI still work.
   */
  public static vcs(options: VcsWorkflowOptions): RunWorkflow {
    return new RunWorkflow(RunWorkflowKind.VCS, options);
  }

  /**
   * Runs start from the Terraform CLI (`remote` backend or `cloud` block).
   */
  public static cliDriven(): RunWorkflow {
    return new RunWorkflow(RunWorkflowKind.CLI);
  }

  /**
   * Runs start from tooling through the API.
   */
  public static apiDriven(): RunWorkflow {
    return new RunWorkflow(RunWorkflowKind.API);
  }

  /**
   * Which workflow.
   */
  public readonly kind: RunWorkflowKind;

  /**
   * The VCS options, for the VCS-driven workflow.
   */
  public readonly vcsOptions?: VcsWorkflowOptions;

  private constructor(kind: RunWorkflowKind, vcsOptions?: VcsWorkflowOptions) {
    this.kind = kind;
    this.vcsOptions = vcsOptions;
  }

  /**
   * Whether the workspace is linked to a repository (and so refuses CLI-driven applies).
   */
  public get isVcsDriven(): boolean {
    return this.kind === RunWorkflowKind.VCS;
  }
}
