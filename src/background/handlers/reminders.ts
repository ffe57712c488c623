import type { HandlerMap } from './context.ts';

export const REMINDER_HANDLERS: HandlerMap<'reminders.refresh'> = {
  async 'reminders.refresh'({ queueIfStale }, ctx) {
    return { badge: (await ctx.refreshReminders?.(queueIfStale === true)) ?? '' };
  },
};
