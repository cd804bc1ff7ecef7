/**
 * Connections shared fairly between clients. One limit for the whole server let one client that held idle
 * sockets, and reopened each one as it was closed, keep every other client out. So each client address
 * (an IPv6 client by its /64, which one machine is usually given whole) may hold a share, and sockets that
 * have sent nothing yet are the first to go when room is needed:
 *
 * - an address at its share: its own oldest silent socket makes room for its new one; without one, the new
 *   connection is closed;
 * - the server at its limit: the oldest silent socket of the address holding the most connections, when it
 *   holds more than the newcomer's, or any socket silent for longer than a grace period; without one, the
 *   new connection is closed (as Node's `maxConnections` would);
 * - the server near its limit (90 %): sockets silent for longer than the grace period are closed.
 *
 * A socket that has sent a request is never closed here: the request and keep-alive timeouts bound it.
 * Counts are per process: with WORKERS each process holds its own.
 */
import type { Server } from 'node:http';
import type { Socket } from 'node:net';

export interface FairConnectionLimits {
  /** Connections the process holds at most. */
  maxConnections: number;
  /** Connections one client address holds at most; undefined for no per-address share (behind a proxy). */
  maxConnectionsPerAddress: number | undefined;
  /** How long a socket may stay silent before it may be closed for anyone (default 1 s). */
  silentGraceMs?: number;
  now?: () => number;
}

/** A browser sends its request as soon as it connects; a socket silent this long is a spare or a squatter. */
const SILENT_GRACE_MS = 1000;

/** The share of the limit above which silent sockets are closed before anyone is refused. */
const NEAR_LIMIT = 0.9;

interface Held {
  address: string;
  openedAt: number;
}

/**
 * Counts the server's connections per client address and closes the ones beyond, as described above.
 *
 * @example
 * const server = createServer(app.callback());
 * shareConnectionsFairly(server, { maxConnections: 1000, maxConnectionsPerAddress: 100 });
 */
export function shareConnectionsFairly(server: Server, limits: FairConnectionLimits): void {
  const now = limits.now ?? Date.now;
  const grace = limits.silentGraceMs ?? SILENT_GRACE_MS;
  const perAddress = limits.maxConnectionsPerAddress ?? Number.POSITIVE_INFINITY;
  const nearLimit = Math.floor(limits.maxConnections * NEAR_LIMIT);
  // Every socket held, oldest first (a Map keeps insertion order), and each address's sockets, oldest first.
  const held = new Map<Socket, Held>();
  const byAddress = new Map<string, Set<Socket>>();

  const silent = (socket: Socket) => socket.bytesRead === 0;
  const oldestSilent = (sockets: Iterable<Socket>, openedBefore = Number.POSITIVE_INFINITY): Socket | undefined => {
    for (const socket of sockets) {
      if (held.get(socket)!.openedAt >= openedBefore) return undefined;
      if (silent(socket)) return socket;
    }
    return undefined;
  };
  const heaviestAddress = (): string | undefined => {
    let heaviest: string | undefined;
    let most = 0;
    for (const [address, sockets] of byAddress) if (sockets.size > most) [heaviest, most] = [address, sockets.size];
    return heaviest;
  };
  const release = (socket: Socket) => {
    const entry = held.get(socket);
    if (!entry) return;
    held.delete(socket);
    const sockets = byAddress.get(entry.address)!;
    sockets.delete(socket);
    if (sockets.size === 0) byAddress.delete(entry.address);
  };
  const close = (socket: Socket) => {
    release(socket);
    socket.destroy();
  };

  /** Room for one more connection from `address`: true when made (or there was some), false to refuse it. */
  const makeRoom = (address: string, at: number): boolean => {
    const own = byAddress.get(address);
    if (own && own.size >= perAddress) {
      const spare = oldestSilent(own);
      if (!spare) return false;
      close(spare);
      return true;
    }
    if (held.size >= nearLimit) {
      // Oldest first, and deleting while iterating a Map is safe: it stops at the first socket within its grace.
      for (const socket of held.keys()) {
        if (held.get(socket)!.openedAt > at - grace) break;
        if (silent(socket)) close(socket);
      }
    }
    if (held.size < limits.maxConnections) return true;
    const heaviest = heaviestAddress();
    const victim =
      (heaviest !== undefined && heaviest !== address && byAddress.get(heaviest)!.size > (own?.size ?? 0) + 1
        ? oldestSilent(byAddress.get(heaviest)!)
        : undefined) ?? oldestSilent(held.keys(), at - grace);
    if (!victim) return false;
    close(victim);
    return true;
  };

  server.on('connection', (socket: Socket) => {
    const address = clientAddressKey(socket.remoteAddress);
    const at = now();
    if (!makeRoom(address, at)) {
      socket.destroy();
      return;
    }
    held.set(socket, { address, openedAt: at });
    let sockets = byAddress.get(address);
    if (!sockets) byAddress.set(address, (sockets = new Set()));
    sockets.add(socket);
    socket.once('close', () => release(socket));
  });
}

/**
 * The key a client's connections are counted under: an IPv4 address as it is (an IPv4-mapped IPv6 address,
 * `::ffff:203.0.113.7`, as its IPv4 address), an IPv6 address by its /64.
 *
 * @example
 * clientAddressKey('::ffff:127.0.0.2'); // '127.0.0.2'
 * clientAddressKey('2001:db8:0:1:aaaa::1'); // '2001:db8:0:1::/64'
 */
export function clientAddressKey(address: string | undefined): string {
  if (!address) return 'unknown';
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!address.includes(':')) return address;
  const [head = '', tail] = address.split('%')[0]!.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  // An IPv4 tail (`::1.2.3.4`) stands for two groups; it lies in the lower 64 bits either way.
  const width = (groups: string[]) => groups.reduce((sum, group) => sum + (group.includes('.') ? 2 : 1), 0);
  const groups = tail === undefined ? left : [...left, ...Array<string>(Math.max(0, 8 - width(left) - width(right))).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((group) => (/^[0-9a-f]{1,4}$/.test(group) ? parseInt(group, 16).toString(16) : group))
    .join(':')}::/64`;
}
