/**
 * Which OpenStack service a configuration file belongs to, from its path:
 * `nova.conf` and `nova.conf.j2` → nova, `glance-api.conf` → glance,
 * `neutron/neutron_ovn_vpn_agent.ini.j2` → neutron. Used for placeholder
 * certificate paths (`/etc/nova/ssl/…`) and to tell services apart when
 * looking for shared broker accounts.
 */
import { baseConfigName } from '../../languages/detect.js';

/** Services whose name leads their files' names (`nova-compute.conf`, `neutron_dhcp_agent.ini`). */
const KNOWN_SERVICES = new Set([
  'nova', 'neutron', 'cinder', 'glance', 'keystone', 'heat', 'ironic', 'manila', 'octavia', 'designate', 'barbican',
  'ceilometer', 'aodh', 'magnum', 'trove', 'mistral', 'placement', 'watcher', 'masakari', 'blazar', 'cloudkitty',
  'tacker', 'cyborg', 'zun', 'senlin', 'sahara', 'murano', 'gnocchi', 'panko', 'vitrage', 'zaqar', 'freezer', 'karbor',
  'solum', 'kuryr', 'venus', 'skyline', 'swift', 'monasca', 'searchlight', 'congress', 'qinling', 'storlets',
]);

function segments(path: string): string[] {
  return path.replace(/\\/g, '/').split('/').filter((s) => s !== '');
}

/** The leading word of a file stem (`glance-api` → glance, `neutron_ovn_agent` → neutron). */
function leadingWord(stem: string): string {
  const m = /^[A-Za-z0-9]+/.exec(stem);
  return (m ? m[0] : stem).toLowerCase();
}

/**
 * The service of the file at `path`: its name's leading word when that is a
 * known service, else the nearest enclosing directory named after one, else
 * the leading word anyway (a service we do not know is still a service).
 */
export function serviceOfPath(path: string): string {
  const parts = segments(path);
  const name = baseConfigName(parts[parts.length - 1] ?? path);
  const stem = name.replace(/\.(conf|ini|cfg)$/i, '');
  const word = leadingWord(stem);
  if (KNOWN_SERVICES.has(word)) return word;
  // Only nearby directories: `/home/nova/…/x.conf` is not nova's.
  for (let i = parts.length - 2; i >= Math.max(0, parts.length - 4); i--) {
    const dir = leadingWord(parts[i]);
    if (KNOWN_SERVICES.has(dir)) return dir;
  }
  return word === '' ? 'service' : word;
}
