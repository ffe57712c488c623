import { INSERT_TEMPLATE_COMMAND } from '../../messaging/page-contract.ts';
import type { HandlerMap } from './context.ts';

export const COMMAND_HANDLERS: HandlerMap<'shortcut.insertTemplate'> = {
  async 'shortcut.insertTemplate'(_payload, ctx) {
    return { shortcut: (await ctx.shortcutOf?.(INSERT_TEMPLATE_COMMAND)) ?? '' };
  },
};
