/**
 * Python's `ipaddress` rules, as far as `urlsplit` needs them: a host written
 * in brackets (`[fd00::1]`) must be an IPv6 address (or an "IPvFuture"
 * `v1.x` literal), never IPv4 and never anything else.
 */

const HEX_DIGITS = /^[0-9A-Fa-f]*$/;
const HEXTET_COUNT = 8;

/** `IPv4Address._parse_octet`: 1–3 ASCII digits, no leading zero, at most 255. */
function isIpv4Octet(octet: string): boolean {
  if (octet === '' || octet.length > 3 || !/^[0-9]+$/.test(octet)) return false;
  if (octet !== '0' && octet[0] === '0') return false;
  return Number(octet) <= 255;
}

/** Whether `IPv4Address(text)` accepts the text. */
export function isPythonIpv4(text: string): boolean {
  if (text === '' || text.includes('/')) return false;
  const octets = text.split('.');
  return octets.length === 4 && octets.every(isIpv4Octet);
}

/** `IPv6Address._parse_hextet`: at most four hex digits (and not none). */
function isHextet(part: string): boolean {
  return part !== '' && part.length <= 4 && HEX_DIGITS.test(part);
}

/** `IPv6Address._ip_int_from_string` without the scope id: whether it would succeed. */
function isIpv6Body(text: string): boolean {
  if (text === '') return false;
  const parts = text.split(':');
  if (parts.length < 3) return false;
  if (parts[parts.length - 1].includes('.')) {
    if (!isPythonIpv4(parts.pop()!)) return false;
    parts.push('0', '0'); // the two hextets of the embedded IPv4 address
  }
  if (parts.length > HEXTET_COUNT + 1) return false;
  let skip = -1;
  for (let i = 1; i < parts.length - 1; i++) {
    if (parts[i] !== '') continue;
    if (skip >= 0) return false; // more than one '::'
    skip = i;
  }
  let hi: number;
  let lo: number;
  if (skip >= 0) {
    hi = skip;
    lo = parts.length - skip - 1;
    if (parts[0] === '' && --hi !== 0) return false; // a leading ':' only as part of '::'
    if (parts[parts.length - 1] === '' && --lo !== 0) return false;
    if (HEXTET_COUNT - (hi + lo) < 1) return false;
  } else {
    if (parts.length !== HEXTET_COUNT || parts[0] === '' || parts[parts.length - 1] === '') return false;
    hi = parts.length;
    lo = 0;
  }
  for (let i = 0; i < hi; i++) if (!isHextet(parts[i])) return false;
  for (let i = parts.length - lo; i < parts.length; i++) if (!isHextet(parts[i])) return false;
  return true;
}

/** Whether `IPv6Address(text)` accepts the text (a `%scope` suffix included). */
export function isPythonIpv6(text: string): boolean {
  if (text.includes('/')) return false;
  const percent = text.indexOf('%');
  if (percent >= 0) {
    const scope = text.slice(percent + 1);
    if (scope === '' || scope.includes('%')) return false;
    return isIpv6Body(text.slice(0, percent));
  }
  return isIpv6Body(text);
}

/**
 * `urllib.parse._check_bracketed_host`: the error Python raises for the text
 * between `[` and `]`, or undefined when it is a valid literal.
 */
export function checkBracketedHost(hostname: string): string | undefined {
  if (hostname.startsWith('v')) {
    return /^v[a-fA-F0-9]+\.[^\n]+$/.test(hostname) ? undefined : 'IPvFuture address is invalid';
  }
  if (isPythonIpv4(hostname)) return 'An IPv4 address cannot be in brackets';
  if (isPythonIpv6(hostname)) return undefined;
  return `'${hostname}' does not appear to be an IPv4 or IPv6 address`;
}
