import { IConstruct } from 'constructs';
import { AnnotationMetadataEntryType } from './private/framework';
import {
  ACKNOWLEDGED_RULES_CONTEXT_KEY,
  ACKNOWLEDGEMENT_METADATA,
  isAcknowledged,
  recordAcknowledgement,
  ruleDefinition,
  RULES,
} from './private/rules';
import { fail, quote } from './private/validation';

/**
 * How a broken rule is reported.
 */
export enum RuleSeverity {
  /** A `ValidationError` (or a failed synth): the program cannot proceed. */
  ERROR = 'error',
  /** A warning annotation: the program works, but probably not as meant. */
  WARNING = 'warning',
  /** An info annotation: something the library could not check itself. */
  INFO = 'info',
}

/**
 * A rule of the catalogue.
 */
export interface RuleDescription {
  /** The rule's stable id, e.g. `TFE-WS-004`. */
  readonly ruleId: string;

  /** The area of the platform the rule is about, e.g. `workspaces`. */
  readonly area: string;

  /** What the rule checks, in a few words. */
  readonly title: string;

  /** How a broken rule is reported. */
  readonly severity: RuleSeverity;
}

/**
 * The catalogue of the rules this library checks, and acknowledgements of
 * warnings.
 *
 * Every error, warning and info annotation of the library carries a stable
 * rule id (`[TFE-NOTIF-009] the webhook URL ... is plain http ...`), grouped
 * by area (`TFE-WS-...` for workspaces, `TFE-TOK-...` for tokens, ...). Ids
 * are never reused. Search the README's rule table for an id, or look it up
 * with `Rules.describe`.
 *
 * @example
 * // the webhook receiver only listens on the internal network
 * Rules.acknowledge(notification, 'TFE-NOTIF-009', 'internal receiver, no TLS');
 */
export class Rules {
  /**
   * The context key that acknowledges rules app-wide: a list of rule ids
   * (or one comma-separated string), e.g. in `cdktf.json`:
   * `"context": { "cdktf-tfe-constructs:acknowledgedRules": ["TFE-NOTIF-012"] }`.
   * Like `Rules.acknowledge`, it silences warnings and infos, never errors.
   */
  public static readonly ACKNOWLEDGED_RULES_CONTEXT_KEY = ACKNOWLEDGED_RULES_CONTEXT_KEY;

  /**
   * Silences the warnings (or infos) of rule `ruleId` on `scope` and every
   * construct below it, reported before or after this call. The
   * acknowledgement is recorded on `scope` (metadata
   * `cdktf-tfe-constructs:acknowledged`) with the reason.
   *
   * Errors cannot be acknowledged: acknowledging an error's rule, or an id
   * the catalogue does not have, is itself an error.
   *
   * @param scope the construct (or stack, or app) the acknowledgement covers
   * @param ruleId the rule, e.g. `TFE-NOTIF-009`
   * @param reason why the warning does not apply here, for the next reader
   */
  public static acknowledge(scope: IConstruct, ruleId: string, reason: string): void {
    const rule = ruleDefinition(ruleId);
    if (rule === undefined) {
      fail(scope, 'TFE-RULE-001',
        `rule ${quote(ruleId)} is not in the catalogue: give the id shown in brackets in the warning, e.g. "TFE-NOTIF-009" (Rules.all() lists every rule).`);
    }
    if (rule.severity === 'error') {
      fail(scope, 'TFE-RULE-002',
        `rule ${ruleId} (${rule.title}) is an error, and errors cannot be acknowledged: fix the configuration it names; only warnings and infos can be silenced.`);
    }
    if (typeof reason !== 'string' || reason.trim() === '') {
      fail(scope, 'TFE-RULE-003', `acknowledging ${ruleId} needs a reason (got ${quote(reason)}): say why the warning does not apply here, for whoever reads the program next.`);
    }
    recordAcknowledgement(scope, ruleId, reason);
    scope.node.addMetadata(ACKNOWLEDGEMENT_METADATA, { ruleId, reason });
    removeReported(scope, ruleId);
  }

  /**
   * Whether the warnings of `ruleId` are acknowledged for `scope` (on it, on
   * one of its ancestors, or in the context).
   */
  public static isAcknowledged(scope: IConstruct, ruleId: string): boolean {
    return isAcknowledged(scope, ruleId);
  }

  /**
   * The rule with the given id.
   * @throws a ValidationError (TFE-RULE-001) for an id the catalogue does not have
   */
  public static describe(ruleId: string): RuleDescription {
    const rule = ruleDefinition(ruleId);
    if (rule === undefined) {
      fail('Rules.describe', 'TFE-RULE-001', `rule ${quote(ruleId)} is not in the catalogue: Rules.all() lists every rule.`);
    }
    return { ruleId, area: rule.area, title: rule.title, severity: rule.severity as RuleSeverity };
  }

  /**
   * Every rule of the catalogue, in id order within each area.
   */
  public static all(): RuleDescription[] {
    return Object.keys(RULES).map((id) => Rules.describe(id));
  }

  private constructor() {}
}

/** The annotation types a rule's warning or info is written as (the framework's). */
const SILENCEABLE = new Set<string>([AnnotationMetadataEntryType.WARN, AnnotationMetadataEntryType.INFO]);

/**
 * Removes the warnings and infos of `ruleId` already reported on `scope` and
 * below it (those reported later are not added at all).
 */
function removeReported(scope: IConstruct, ruleId: string): void {
  const prefix = `[${ruleId}] `;
  for (const c of scope.node.findAll()) {
    // constructs keeps the entries in a private array; `metadata` returns a copy.
    const entries = (c.node as unknown as { _metadata?: { type: string; data: unknown }[] })._metadata;
    if (!Array.isArray(entries)) continue;
    for (let i = entries.length - 1; i >= 0; i--) {
      const e = entries[i];
      if (SILENCEABLE.has(e.type) && typeof e.data === 'string' && e.data.startsWith(prefix)) entries.splice(i, 1);
    }
  }
}
