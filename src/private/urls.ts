/**
 * `value` as an http or https URL, or undefined when it is not one (not a
 * URL at all, or another scheme). Checks of URL-valued props build their
 * messages on this.
 */
export function httpUrl(value: string): URL | undefined {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
}
