/**
 * Helpers of the rules about a RabbitMQ transport's TLS settings
 * (OSLO102–OSLO105): the transports that run TLS, placeholder certificate
 * paths, and one finding per place when both transports share a problem.
 */
import type { Span } from '../../core/text.js';
import { rabbitTls, serviceOfPath, type OsloMessagingModel, type RabbitTls } from '../../model/oslo/index.js';

/** The RabbitMQ transports of the file, with their TLS settings. */
export function rabbitTransports(model: OsloMessagingModel): RabbitTls[] {
  return model.transports.filter((t) => t.driver === 'rabbit').map((t) => rabbitTls(model.settings, t));
}

/** The RabbitMQ transports that certainly run TLS. */
export function tlsTransports(model: OsloMessagingModel): RabbitTls[] {
  return rabbitTransports(model).filter((tls) => tls.ssl.state !== 'unknown' && tls.ssl.value);
}

/** Placeholder paths for a service's certificate files (`/etc/nova/ssl/nova.pem`), to be replaced by real ones. */
export function placeholderPaths(path: string): { readonly ca: string; readonly cert: string; readonly key: string } {
  const service = serviceOfPath(path);
  return { ca: `/etc/${service}/ssl/ca.pem`, cert: `/etc/${service}/ssl/${service}.pem`, key: `/etc/${service}/ssl/${service}.key` };
}

/** Groups items by the span they would be reported at, keeping the first of each. */
export function onePerSpan<T>(items: readonly T[], spanOf: (item: T) => Span): { readonly span: Span; readonly items: T[] }[] {
  const groups = new Map<string, { span: Span; items: T[] }>();
  for (const item of items) {
    const span = spanOf(item);
    const k = `${span.start}:${span.end}`;
    const g = groups.get(k);
    if (g) g.items.push(item);
    else groups.set(k, { span, items: [item] });
  }
  return [...groups.values()];
}
