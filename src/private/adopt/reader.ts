/**
 * Reads an organization through the TFE API into a snapshot of raw JSON:API
 * objects: what the generator turns into a program. A type the server does
 * not serve for the organization (an entitlement it lacks answers 404) is
 * recorded as skipped, with the answer, and the read goes on.
 */
import { ApiClient, ApiObject, ListResult } from './api-client';

/** What was read, as the API answered it. */
export interface Snapshot {
  readonly hostname: string;
  readonly organization: ApiObject;
  readonly teams: ApiObject[];
  readonly memberships: ApiObject[];
  /** Team ID to the number of its tokens (existence only: secrets are never read). */
  readonly teamTokens: Map<string, number>;
  readonly projects: ApiObject[];
  readonly teamProjects: ApiObject[];
  readonly workspaces: ApiObject[];
  /** Workspace ID to its variables. */
  readonly workspaceVars: Map<string, ApiObject[]>;
  readonly teamAccess: ApiObject[];
  /** Inbound run triggers, per workspace. */
  readonly runTriggers: ApiObject[];
  /** Workspace ID to its notification configurations. */
  readonly notifications: Map<string, ApiObject[]>;
  readonly variableSets: ApiObject[];
  /** Variable set ID to its variables. */
  readonly variableSetVars: Map<string, ApiObject[]>;
  readonly agentPools: ApiObject[];
  readonly oauthClients: ApiObject[];
  readonly policies: ApiObject[];
  /** Policy ID to its code. */
  readonly policyCode: Map<string, string>;
  readonly policySets: ApiObject[];
  /** Types not read: the type and why. */
  readonly skipped: { readonly type: string; readonly reason: string }[];
  /** Objects read. */
  objectCount: number;
}

export interface ReadOptions {
  /** Concurrent requests (the client keeps them under its rate). Default 8. */
  readonly concurrency?: number;
  /** Called as objects are read. */
  readonly onProgress?: (objects: number) => void;
}

const q = (s: string) => encodeURIComponent(s);

export async function readOrganization(client: ApiClient, hostname: string, organization: string, options: ReadOptions = {}): Promise<Snapshot> {
  const org = await client.object(`/organizations/${q(organization)}`);
  if (!org) throw new Error(`organization ${JSON.stringify(organization)} was not found on ${hostname} (or the token cannot read it)`);
  const skipped: { type: string; reason: string }[] = [];
  const snapshot: Snapshot = {
    hostname,
    organization: org,
    teams: [],
    memberships: [],
    teamTokens: new Map(),
    projects: [],
    teamProjects: [],
    workspaces: [],
    workspaceVars: new Map(),
    teamAccess: [],
    runTriggers: [],
    notifications: new Map(),
    variableSets: [],
    variableSetVars: new Map(),
    agentPools: [],
    oauthClients: [],
    policies: [],
    policyCode: new Map(),
    policySets: [],
    skipped,
    objectCount: 1,
  };
  const count = (n: number) => {
    snapshot.objectCount += n;
    options.onProgress?.(snapshot.objectCount);
  };
  /** Reads a collection into `into`; a collection the server does not serve is skipped. */
  const collect = async (type: string, path: string, into: ApiObject[]): Promise<boolean> => {
    const result: ListResult = await client.list(path);
    if ('notServed' in result) {
      skipped.push({ type, reason: result.notServed });
      return false;
    }
    into.push(...result.objects);
    count(result.objects.length);
    return true;
  };
  const base = `/organizations/${q(organization)}`;

  await collect('teams', `${base}/teams`, snapshot.teams);
  await collect('organization memberships', `${base}/organization-memberships`, snapshot.memberships);
  await collect('projects', `${base}/projects`, snapshot.projects);
  await collect('workspaces', `${base}/workspaces`, snapshot.workspaces);
  await collect('variable sets', `${base}/varsets`, snapshot.variableSets);
  await collect('agent pools', `${base}/agent-pools`, snapshot.agentPools);
  await collect('OAuth clients', `${base}/oauth-clients`, snapshot.oauthClients);
  await collect('policies', `${base}/policies`, snapshot.policies);
  await collect('policy sets', `${base}/policy-sets`, snapshot.policySets);

  // Per-object reads: a type the server does not serve is skipped after its first 404.
  const unserved = new Set<string>();
  const perObject = async <T>(type: string, items: T[], path: (item: T) => string, store: (item: T, objects: ApiObject[]) => void) => {
    await pool(items, options.concurrency ?? 8, async (item) => {
      if (unserved.has(type)) return;
      const result = await client.list(path(item));
      if ('notServed' in result) {
        if (!unserved.has(type)) {
          unserved.add(type);
          skipped.push({ type, reason: result.notServed });
        }
        return;
      }
      count(result.objects.length);
      store(item, result.objects);
    });
  };
  // Team tokens: one organization-wide list (existence only: the API never returns a secret again).
  const tokens: ApiObject[] = [];
  if (await collect('team tokens', `${base}/team-tokens`, tokens)) {
    for (const t of tokens) {
      const team = t.relationships?.team?.data?.id;
      if (team) snapshot.teamTokens.set(team, (snapshot.teamTokens.get(team) ?? 0) + 1);
    }
  }
  await perObject('team project access', snapshot.projects, (p) => `/team-projects?filter%5Bproject%5D%5Bid%5D=${p.id}`, (_, a) => snapshot.teamProjects.push(...a));
  await perObject('workspace variables', snapshot.workspaces, (w) => `/workspaces/${w.id}/vars`, (w, vars) => snapshot.workspaceVars.set(w.id, vars));
  await perObject('team access', snapshot.workspaces, (w) => `/team-workspaces?filter%5Bworkspace%5D%5Bid%5D=${w.id}`, (_, a) => snapshot.teamAccess.push(...a));
  await perObject('run triggers', snapshot.workspaces, (w) => `/workspaces/${w.id}/run-triggers?filter%5Brun-trigger%5D%5Btype%5D=inbound`,
    (w, triggers) => snapshot.runTriggers.push(...triggers.map((t) => withWorkspace(t, w.id))));
  await perObject('notifications', snapshot.workspaces, (w) => `/workspaces/${w.id}/notification-configurations`, (w, n) => snapshot.notifications.set(w.id, n));
  await perObject('variable set variables', snapshot.variableSets, (s) => `/varsets/${s.id}/relationships/vars`, (s, vars) => snapshot.variableSetVars.set(s.id, vars));
  await pool(snapshot.policies, options.concurrency ?? 8, async (p) => {
    const { status, body } = await client.get(`/policies/${p.id}/download`);
    if (status === 200) snapshot.policyCode.set(p.id, typeof body === 'string' ? body : JSON.stringify(body));
  });
  return snapshot;
}

/** The trigger with the workspace it was read for (inbound: the one it runs). */
function withWorkspace(trigger: ApiObject, workspaceId: string): ApiObject {
  const relationships = { ...(trigger.relationships ?? {}) };
  if (!relationships.workspace?.data) relationships.workspace = { data: { id: workspaceId, type: 'workspaces' } };
  return { ...trigger, relationships };
}

async function pool<T>(items: T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
