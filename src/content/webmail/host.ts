import frameStyles from '../ui/private-frame.css?inline';
import styles from './styles.css?inline';
import { attachHost, type Host } from '../ui/shadow-host.ts';

export { hostsIn } from '../ui/shadow-host.ts';

/** One host per compose window (or open conversation), with the webmail styles. */
export function createWebmailHost(role: 'compose' | 'thread'): Host {
  return attachHost(role, styles + frameStyles);
}
