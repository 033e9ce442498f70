import type { Finding, FixProposal, SpanEdit } from '../../core/findings.js';
import type { ListenerSet, RabbitModel } from '../../model/rabbitmq/types.js';
import type { RuleContext } from '../context.js';
import type { Rule } from '../rule.js';
import { certainlyListening, describeListener, listenerSet, RABBIT_LANGUAGES } from './common.js';
import { RabbitFixer } from './fixer.js';
import { mergeInsertions } from './no-tls-listener.js';
import { classicMove, confMove, type HttpPlugin } from './plaintext-management-listener.js';

/** The list-style plugin listeners, with their TLS port and where they are configured. */
const PLUGINS = {
  stomp: { name: 'STOMP', app: 'rabbitmq_stomp', conf: 'stomp.listeners', tlsPort: 61614 },
  mqtt: { name: 'MQTT', app: 'rabbitmq_mqtt', conf: 'mqtt.listeners', tlsPort: 8883 },
  stream: { name: 'stream', app: 'rabbitmq_stream', conf: 'stream.listeners', tlsPort: 5551 },
} as const;

/** The HTTP plugins: a plain `tcp` block moves to an HTTPS `ssl` block, and their default plain listener is turned off. */
const HTTP_PLUGINS: Record<string, { readonly name: string } & HttpPlugin> = {
  prometheus: { name: 'Prometheus', family: 'prometheus', plainPort: '15692', tlsPort: '15691', disablePlain: 'prometheus.tcp.listener' },
  'web-stomp': { name: 'Web-STOMP', family: 'web_stomp', plainPort: '15674', tlsPort: '15673', disablePlain: 'web_stomp.tcp.listener' },
  'web-mqtt': { name: 'Web-MQTT', family: 'web_mqtt', plainPort: '15675', tlsPort: '15676', disablePlain: 'web_mqtt.tcp.listener' },
};

function switchToTls(ctx: RuleContext, m: RabbitModel, protocol: keyof typeof PLUGINS, plain: ListenerSet): FixProposal | undefined {
  const p = PLUGINS[protocol];
  const fixer = new RabbitFixer(ctx);
  const tls = listenerSet(m, protocol, true)[0];
  const hasTls = tls && certainlyListening(tls);
  let edits: SpanEdit[] | undefined;
  if (fixer.isConf) {
    edits = fixer.setConfGroup(`${p.conf}.tcp`, [[`${p.conf}.tcp`, 'none']]);
    if (!hasTls) edits = [...edits, ...fixer.setConfGroup(`${p.conf}.ssl`, [[`${p.conf}.ssl.default`, String(p.tlsPort)]])];
  } else {
    const value = ctx.here(plain.source?.valueOrigin);
    if (!value) return undefined;
    edits = [{ span: value, newText: '[]' }];
    if (!hasTls) {
      const tlsValue = ctx.here(tls?.source?.valueOrigin);
      const add = tlsValue ? [{ span: tlsValue, newText: `[${p.tlsPort}]` }] : fixer.addToApp(p.app, [`{ssl_listeners, [${p.tlsPort}]}`]);
      if (!add) return undefined;
      edits = mergeInsertions([...edits, ...add]);
    }
  }
  return { title: `Switch ${p.name} to TLS on ${p.tlsPort} (it uses the core ssl_options)`, edits, safe: true, preferred: true };
}

export const plaintextPluginListener: Rule = {
  code: 'RMQ302',
  name: 'plaintext-plugin-listener',
  defaultSeverity: 'warning',
  summary: 'STOMP, MQTT, stream, Web-STOMP, Web-MQTT or Prometheus listeners on plain TCP.',
  languages: RABBIT_LANGUAGES,
  *check(ctx): Iterable<Finding> {
    const m = ctx.rabbit();
    if (!m) return;
    for (const protocol of Object.keys(PLUGINS) as (keyof typeof PLUGINS)[]) {
      for (const set of listenerSet(m, protocol, false)) {
        // Only what was configured: a plugin's default listener exists only if the plugin is enabled, which the config does not say.
        if (set.state !== 'configured' || !certainlyListening(set)) continue;
        const span = ctx.here(set.source?.keyOrigin);
        if (!span) continue;
        const fix = switchToTls(ctx, m, protocol, set);
        yield {
          span,
          message: `${PLUGINS[protocol].name} listener ${set.listeners.map(describeListener).join(', ')} accepts plain TCP`,
          fixes: fix ? [fix] : [],
        };
      }
    }
    for (const set of m.listeners) {
      const plugin = HTTP_PLUGINS[set.protocol];
      if (!plugin || set.tls || set.state !== 'configured' || set.source?.conditional) continue;
      const span = ctx.here(set.source?.keyOrigin);
      if (!span) continue;
      const edits = ctx.doc.language === 'rabbitmq-conf' ? confMove(ctx, plugin) : classicMove(ctx, set, m, plugin);
      yield {
        span,
        message: `${plugin.name} listens on plain HTTP (${set.listeners.map(describeListener).join(', ')})`,
        fixes: edits ? [{ title: `Move ${plugin.name} to HTTPS on ${plugin.tlsPort} (placeholder certificate paths under /etc/rabbitmq/ssl/)`, edits, safe: true, preferred: true }] : [],
      };
    }
  },
};
