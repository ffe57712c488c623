import { describe, expect, it } from 'vitest';
import { BUILTIN_TEMPLATES } from '../../../src/shared/builtin-templates.ts';
import { CHANNELS, OUTREACH_KINDS } from '../../../src/shared/model.ts';

describe('built-in templates cover the dashboard', () => {
  it('every kind of outreach and every channel has at least one built-in', () => {
    expect(OUTREACH_KINDS.filter((kind) => !BUILTIN_TEMPLATES.some((t) => t.kind === kind))).toEqual([]);
    expect(CHANNELS.filter((channel) => !BUILTIN_TEMPLATES.some((t) => t.channel === channel))).toEqual([]);
  });

  it('no built-in invents scarcity or makes claims about other customers', () => {
    const SCARCITY = /\b(only a few|spots? left|running out|exclusive offer|price goes up|while stocks? last)\b/i;
    const CLAIMS = /\b(everyone (is|uses)|guaranteed?|100%|best in the (world|market)|all your competitors)\b/i;
    for (const t of BUILTIN_TEMPLATES) {
      expect(t.body, t.id).not.toMatch(SCARCITY);
      expect(t.body, t.id).not.toMatch(CLAIMS);
    }
  });
});
