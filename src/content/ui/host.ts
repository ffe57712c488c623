import frameStyles from './private-frame.css?inline';
import styles from './styles.css?inline';
import { attachHost, type Host } from './shadow-host.ts';

export { HOST_TAG, hostsIn, type Host } from './shadow-host.ts';

/** LinkedIn's host: inline in the page's own action row, or floating at the corner. */
export function createHost(placement: 'inline' | 'floating'): Host {
  return attachHost(placement, styles + frameStyles);
}
