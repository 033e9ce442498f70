/**
 * Values shown in hovers and the outline never include a secret: passwords
 * are replaced by `***`, and a transport URL is shown rebuilt from its parsed
 * parts with every password masked.
 */
import { parseTransportUrl } from '../../model/oslo/transport-url.js';

export const MASK = '***';

/** Keys whose values are secrets in any of our formats. */
export function isSecretKey(key: string): boolean {
  const k = key.toLowerCase();
  // `ssl-cert-password-file`, `ssl_key_password_dir`: where a secret is, not the secret.
  if (/(file|dir|path)$/.test(k)) return false;
  // `pass` only as a word of its own: `default_pass`, not `bypass_pem_cache`.
  return /password|passphrase|secret|(^|[._-])pass($|[._-])/.test(k);
}

function hostText(name: string): string {
  return name.includes(':') ? `[${name}]` : name;
}

/**
 * A transport URL as oslo.messaging reads it, with each password masked:
 * `rabbit://nova:***@ctl:5671/`. Undefined when the URL does not parse (the
 * parser's message may quote the password, so it is not shown either).
 */
export function maskedTransportUrl(text: string): string | undefined {
  const parsed = parseTransportUrl(text);
  if (!parsed.ok) return undefined;
  const url = parsed.url;
  const hosts = url.hosts.map((h) => {
    const login = h.username !== null ? `${h.username}${h.password !== null ? `:${MASK}` : ''}@` : '';
    const port = h.port !== null ? `:${h.port}` : '';
    return `${login}${h.hostname !== null ? hostText(h.hostname) : ''}${port}`;
  });
  const vhost = url.virtualHost !== null ? `/${url.virtualHost}` : '';
  const query = [...url.query].map(([k, v]) => `${k}=${isSecretKey(k) ? MASK : v}`).join('&');
  return `${url.transport}://${hosts.join(',')}${vhost}${query ? `?${query}` : ''}`;
}

/** A transport URL's value as it may be shown: masked, or a notice when it does not parse. */
export function displayTransportUrl(text: string): string {
  return maskedTransportUrl(text) ?? '(not a valid transport URL; not shown, it may hold a password)';
}

/** A setting's value as it may be shown anywhere: masked when the key or the option is secret. */
export function displayValue(key: string, value: string, secret = false): string {
  if (/transport_url$/.test(key)) return displayTransportUrl(value);
  if (secret || isSecretKey(key)) return value === '' ? value : MASK;
  return value;
}
