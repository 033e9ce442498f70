/**
 * The broker accounts of a whole workspace, for OSLO202 (one RabbitMQ
 * account per service): which files log in with which user. A pure data
 * structure: the host (language server, CLI) feeds it files as it reads them
 * and updates it when they change; rules only query it.
 */
import type { Span } from '../core/text.js';
import type { TransportRole } from '../model/oslo/index.js';

/** A user a file's transports log in with. */
export interface BrokerAccount {
  /** The user name, percent-decoded. Never a template expression (those are unknown, and left out). */
  readonly user: string;
  /** The brokers it is used on (host names as written; `localhost` when none). */
  readonly hosts: readonly string[];
  readonly role: TransportRole;
  /** Where the user is written in the file. */
  readonly span?: Span;
}

/** One file's accounts and the service it configures. */
export interface FileAccounts {
  readonly path: string;
  /** `nova`, `neutron`, … (see model/oslo serviceOfPath). */
  readonly service: string;
  readonly accounts: readonly BrokerAccount[];
}

/** A file of another service that uses an account. */
export interface AccountHolder {
  readonly path: string;
  readonly service: string;
}

/** What OSLO202 asks of the host. */
export interface AccountProvider {
  /**
   * The files, other than `asking.path` and of services other than
   * `asking.service`, whose transports log in as `user`; sorted by path.
   */
  holdersOf(user: string, asking: AccountHolder): readonly AccountHolder[];
}

/** The workspace's accounts by file and by user. */
export class AccountIndex implements AccountProvider {
  private readonly files = new Map<string, FileAccounts>();
  private readonly pathsByUser = new Map<string, Set<string>>();

  /** Adds a file, or replaces what was known of it. */
  set(file: FileAccounts): void {
    this.remove(file.path);
    this.files.set(file.path, file);
    for (const user of new Set(file.accounts.map((a) => a.user))) {
      let paths = this.pathsByUser.get(user);
      if (!paths) {
        paths = new Set();
        this.pathsByUser.set(user, paths);
      }
      paths.add(file.path);
    }
  }

  /** Forgets a file (deleted, or no longer an OpenStack service file). */
  remove(path: string): void {
    const old = this.files.get(path);
    if (!old) return;
    this.files.delete(path);
    for (const account of old.accounts) {
      const paths = this.pathsByUser.get(account.user);
      paths?.delete(path);
      if (paths && paths.size === 0) this.pathsByUser.delete(account.user);
    }
  }

  get(path: string): FileAccounts | undefined {
    return this.files.get(path);
  }

  /** How many files are indexed. */
  get size(): number {
    return this.files.size;
  }

  holdersOf(user: string, asking: AccountHolder): readonly AccountHolder[] {
    const out: AccountHolder[] = [];
    for (const path of this.pathsByUser.get(user) ?? []) {
      if (path === asking.path) continue;
      const file = this.files.get(path)!;
      if (file.service !== asking.service) out.push({ path, service: file.service });
    }
    return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }
}
