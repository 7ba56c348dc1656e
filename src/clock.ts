import { CLOCK_CONTEXT_KEY } from './private/clock';

/**
 * The time the library compares dates with (token expiries, `autoDestroyAt`).
 *
 * A date in the past never breaks synthesis: an expired token or a past
 * auto-destroy time is reported as a warning (TFE-TOK-005, TFE-WS-005), so an
 * unchanged program keeps synthesizing after its dates pass. By default the
 * library compares with the time of the synth; set the context key to compare
 * with a fixed instant instead, e.g. to make tests and CI independent of the
 * day they run on.
 *
 * @example
 * // cdktf.json: "context": { "cdktf-tfe-constructs:now": "2030-01-01T00:00:00Z" }
 * const app = new App({ context: { [Clock.CONTEXT_KEY]: '2030-01-01T00:00:00Z' } });
 */
export class Clock {
  /**
   * The context key that fixes the library's "now": an RFC 3339 date-time
   * with a time zone, e.g. `2030-01-01T00:00:00Z`. Any other value is an
   * error (TFE-CLOCK-001).
   */
  public static readonly CONTEXT_KEY = CLOCK_CONTEXT_KEY;

  private constructor() {}
}
