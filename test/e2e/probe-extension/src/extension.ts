/**
 * Test-only extension: dumps the diagnostics VS Code holds (from every
 * source) so the end-to-end suite can read them through the real API.
 * The product extension stays free of test hooks.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { commands, extensions, languages, type Diagnostic, type ExtensionContext } from 'vscode';
import type { DiagnosticsDump, DumpedDiagnostic } from '../../probe-dump.js';

const PRODUCT_ID = 'mq-harden.mq-harden';
let seq = 0;

function codeOf(d: Diagnostic): string | undefined {
  if (d.code === undefined) return undefined;
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

function describe(d: Diagnostic): DumpedDiagnostic {
  return {
    code: codeOf(d),
    source: d.source,
    severity: d.severity,
    message: d.message,
    range: {
      start: { line: d.range.start.line, character: d.range.start.character },
      end: { line: d.range.end.line, character: d.range.end.character },
    },
  };
}

function snapshot(): DiagnosticsDump {
  const product = extensions.getExtension(PRODUCT_ID);
  return {
    seq: ++seq,
    productActive: product?.isActive ?? false,
    productVersion: (product?.packageJSON as { version?: string } | undefined)?.version,
    files: languages
      .getDiagnostics()
      .filter(([, list]) => list.length > 0)
      .map(([uri, list]) => ({ uri: uri.toString(), path: uri.fsPath, diagnostics: list.map(describe) })),
  };
}

function dump(): void {
  const target = process.env.MQ_HARDEN_E2E_DUMP;
  if (!target) throw new Error('MQ_HARDEN_E2E_DUMP is not set in the extension host environment');
  // Write then rename: the suite polls the file and must never read half of it.
  writeFileSync(`${target}.tmp`, JSON.stringify(snapshot(), null, 1));
  renameSync(`${target}.tmp`, target);
}

export function activate(context: ExtensionContext): void {
  context.subscriptions.push(commands.registerCommand('mqHardenE2E.dumpDiagnostics', dump));
}

export function deactivate(): void {}
