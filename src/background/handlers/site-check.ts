import type { SiteCheckReport } from '../../shared/site-check.ts';
import { saveSiteCheck } from '../../storage/site-check.ts';
import type { HandlerMap } from './context.ts';

/** The site check: each site's content script reports what its reader recognised (codes only). */
export const SITE_CHECK_HANDLERS: HandlerMap<'siteCheck.linkedin' | 'siteCheck.gmail' | 'siteCheck.outlook'> = {
  async 'siteCheck.linkedin'(payload, ctx) {
    await saveSiteCheck(await ctx.db(), 'linkedin', payload as SiteCheckReport, ctx.now().getTime());
    return {};
  },
  async 'siteCheck.gmail'(payload, ctx) {
    await saveSiteCheck(await ctx.db(), 'gmail', payload as SiteCheckReport, ctx.now().getTime());
    return {};
  },
  async 'siteCheck.outlook'(payload, ctx) {
    await saveSiteCheck(await ctx.db(), 'outlook', payload as SiteCheckReport, ctx.now().getTime());
    return {};
  },
};
