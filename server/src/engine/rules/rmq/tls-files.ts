/**
 * RMQ111 and RMQ112: the key, certificate and CA files a TLS endpoint names,
 * as they are on this machine. Files are never read, only stat'ed.
 */
import { abbreviate } from '../../core/abbreviate.js';
import type { Finding } from '../../core/findings.js';
import type { TlsEndpoint } from '../../model/rabbitmq/types.js';
import type { RuleContext } from '../context.js';
import type { Rule } from '../rule.js';
import { optionText, RABBIT_LANGUAGES, tlsName } from './common.js';

/** Debian's and RabbitMQ's packages start the node in its home; relative paths resolve there. */
export const RABBITMQ_WORKING_DIRECTORY = '/var/lib/rabbitmq';

const FILE_OPTIONS = ['keyfile', 'certfile', 'cacertfile'] as const;

export function resolveBrokerPath(path: string): string {
  return path.startsWith('/') ? path : `${RABBITMQ_WORKING_DIRECTORY}/${path.replace(/^\.\//, '')}`;
}

interface FileRef {
  readonly endpoint: TlsEndpoint;
  readonly option: (typeof FILE_OPTIONS)[number];
  readonly path: string;
}

function* fileRefs(ctx: RuleContext): Generator<FileRef> {
  if (!ctx.options.checkFiles || !ctx.options.host?.stat) return;
  const m = ctx.rabbit();
  if (!m) return;
  for (const endpoint of m.tls) {
    for (const option of FILE_OPTIONS) {
      const o = endpoint.options.get(option);
      const path = optionText(o);
      // A path that is (partly) a template expression is not a path yet.
      if (!o || path === undefined || path === '' || !ctx.here(o.source.valueOrigin)) continue;
      yield { endpoint, option, path };
    }
  }
}

export const tlsFilePermissions: Rule = {
  code: 'RMQ111',
  name: 'tls-file-permissions',
  defaultSeverity: 'warning',
  summary: 'A private key file that group or others may read.',
  languages: RABBIT_LANGUAGES,
  *check(ctx): Iterable<Finding> {
    for (const ref of fileRefs(ctx)) {
      // Certificates and CA bundles are public; only the private key must stay private.
      if (ref.option !== 'keyfile') continue;
      const full = resolveBrokerPath(ref.path);
      const st = ctx.options.host!.stat!(full);
      if (!st || !st.isFile || (st.mode & 0o077) === 0) continue;
      const o = ref.endpoint.options.get(ref.option)!;
      yield {
        span: ctx.here(o.source.valueOrigin)!,
        message: `${tlsName(ref.endpoint)} private key ${abbreviate(ref.path)} has mode ${(st.mode & 0o777).toString(8).padStart(4, '0')}: group or others can read it`,
        fixes: [{ title: `Run chmod 0600 ${full}`, edits: [], safe: false, command: { command: 'mq-harden.chmod600', arguments: [full] } }],
      };
    }
  },
};

export const tlsFileMissing: Rule = {
  code: 'RMQ112',
  name: 'tls-file-missing',
  defaultSeverity: 'hint',
  summary: 'A referenced key, certificate or CA file does not exist on this machine.',
  languages: RABBIT_LANGUAGES,
  *check(ctx): Iterable<Finding> {
    for (const ref of fileRefs(ctx)) {
      const full = resolveBrokerPath(ref.path);
      if (ctx.options.host!.stat!(full)) continue;
      const o = ref.endpoint.options.get(ref.option)!;
      yield {
        span: ctx.here(o.source.valueOrigin)!,
        message: `${tlsName(ref.endpoint)} ${ref.option} ${full === ref.path ? abbreviate(ref.path) : `${abbreviate(ref.path)} (${abbreviate(full)})`} does not exist on this machine (RabbitMQ refuses to start the listener without it)`,
      };
    }
  },
};
