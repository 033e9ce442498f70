/**
 * oslo.messaging versions and OpenStack release names.
 *
 * A *release* is what a user says they run: a series name ("zed",
 * "2023.1", "master"), a series number ("14.0") or an exact version
 * ("14.0.3", or a distribution's "14.0.3-0+deb12u1"). It resolves to a
 * version string in which missing trailing parts mean "the newest of that
 * series": "14.0" is 14.0.x, the latest stable point release, since that is
 * what deployers of a stable series run (backports included).
 */
import type { OsloReleaseData } from './oslo-types.js';

/** The numeric parts of a dotted version, or undefined when it is not one. */
export function versionParts(version: string): number[] | undefined {
  if (!/^\d+(\.\d+)*$/.test(version)) return undefined;
  return version.split('.').map(Number);
}

/** Orders exact versions ("9.0.0" < "14.2.4" < "16.0.0"); missing parts count as 0. */
export function compareVersions(a: string, b: string): number {
  const pa = versionParts(a) ?? [];
  const pb = versionParts(b) ?? [];
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * Whether `release` has what came in `version`, i.e. release ≥ version, where
 * parts the release leaves out stand for the newest of its series ("14.2"
 * includes "14.2.4").
 */
export function releaseIncludes(release: string, version: string): boolean {
  const pr = versionParts(release) ?? [];
  const pv = versionParts(version) ?? [];
  for (let i = 0; i < pv.length; i++) {
    if (i >= pr.length) return true; // the release's series goes on past any point release
    if (pr[i] !== pv[i]) return pr[i] > pv[i];
  }
  return true;
}

/** A version's leading dotted numbers ("14.0.3-0+deb12u1" → "14.0.3", "14.0.x" → "14.0"). */
function leadingVersion(text: string): string | undefined {
  const m = /^v?(\d+(?:\.\d+)*)(?:\.x)?(?:$|[-+~])/.exec(text);
  return m ? m[1] : undefined;
}

/**
 * Resolves a user's release setting to a version string, or undefined when
 * it is neither a known series name nor a version.
 * Case and a leading "stable/" are ignored; "2023.1 Antelope" works too.
 */
export function resolveOsloRelease(input: string, releases: readonly OsloReleaseData[]): string | undefined {
  const text = input.trim().toLowerCase().replace(/^stable\//, '');
  if (text === '') return undefined;
  for (const word of [text, ...text.split(/\s+/)]) {
    const named = releases.find((r) => r.names.includes(word));
    if (named) return named.version;
  }
  return leadingVersion(text);
}
