// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchKeyRelease } from '../../src/frame/key-release.ts';

/** A fresh target for each test (the frame's window in the product), so held keys do not leak. */
function frameWindow(): EventTarget {
  return new EventTarget();
}

function key(target: EventTarget, type: 'keydown' | 'keyup', code: string): void {
  target.dispatchEvent(new KeyboardEvent(type, { code, key: code }));
}

describe('watchKeyRelease: the frame closes only after the key that closed it is up', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('runs at once when no key is down (a click)', () => {
    const keys = watchKeyRelease(frameWindow());
    const work = vi.fn();
    keys.afterKeysReleased(work);
    expect(work).toHaveBeenCalledOnce();
  });

  it('waits for the keyup, then one more task', () => {
    const target = frameWindow();
    const keys = watchKeyRelease(target);
    const work = vi.fn();
    key(target, 'keydown', 'Escape');
    keys.afterKeysReleased(work);
    vi.advanceTimersByTime(500);
    expect(work).not.toHaveBeenCalled();
    key(target, 'keyup', 'Escape');
    // Not inside the keyup's own dispatch: its acknowledgement goes first.
    expect(work).not.toHaveBeenCalled();
    vi.advanceTimersByTime(0);
    expect(work).toHaveBeenCalledOnce();
    vi.advanceTimersByTime(5_000);
    expect(work).toHaveBeenCalledOnce();
  });

  it('waits for every key held (Shift+Enter): the last one up releases', () => {
    const target = frameWindow();
    const keys = watchKeyRelease(target);
    const work = vi.fn();
    key(target, 'keydown', 'ShiftLeft');
    key(target, 'keydown', 'Enter');
    keys.afterKeysReleased(work);
    key(target, 'keyup', 'Enter');
    vi.advanceTimersByTime(0);
    expect(work).not.toHaveBeenCalled();
    key(target, 'keyup', 'ShiftLeft');
    vi.advanceTimersByTime(0);
    expect(work).toHaveBeenCalledOnce();
  });

  it('runs when focus leaves the frame (the keyup then goes to the page)', () => {
    const target = frameWindow();
    const keys = watchKeyRelease(target);
    const work = vi.fn();
    key(target, 'keydown', 'Enter');
    keys.afterKeysReleased(work);
    target.dispatchEvent(new FocusEvent('blur'));
    vi.advanceTimersByTime(0);
    expect(work).toHaveBeenCalledOnce();
  });

  it('runs after the longest wait for a key held down', () => {
    const target = frameWindow();
    const keys = watchKeyRelease(target, 2_000);
    const work = vi.fn();
    key(target, 'keydown', 'Escape');
    keys.afterKeysReleased(work);
    vi.advanceTimersByTime(1_999);
    expect(work).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(work).toHaveBeenCalledOnce();
    // The held key is forgotten: the next close is not held back by it.
    const next = vi.fn();
    keys.afterKeysReleased(next);
    expect(next).toHaveBeenCalledOnce();
  });
});
