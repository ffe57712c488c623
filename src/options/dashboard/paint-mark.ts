import { useEffect } from 'preact/hooks';

/**
 * Marks `name` (a performance mark the bench reads) in the frame that paints `value`, each time
 * it is set to something new.
 */
export function useMarkWhenPainted(name: string, value: unknown): void {
  useEffect(() => {
    if (value) requestAnimationFrame(() => performance.mark(name));
  }, [name, value]);
}
