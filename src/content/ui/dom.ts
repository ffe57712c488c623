/** The one element builder (src/ui/dom.ts), shared with the private frame. */
export { el } from '../../ui/dom.ts';
