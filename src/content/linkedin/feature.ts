/**
 * One in-page feature of the LinkedIn script: when it applies, and how to mount it. Mounting
 * gets the page's AbortSignal; everything it adds (elements, listeners, observers) must be
 * removed when the signal aborts, which happens on navigation and when buttons are switched off.
 */
export interface Feature {
  name: string;
  appliesTo: (url: string) => boolean;
  mount: (doc: Document, signal: AbortSignal) => void;
}
