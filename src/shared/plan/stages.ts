/**
 * The chance an open deal is won, read from its stage as the CRM names it. Defaults follow the
 * stage ladders HubSpot, Salesforce and Pipedrive ship with (English and German labels); a stage
 * none of them names counts at UNKNOWN_STAGE_PROBABILITY, a figure the plan states.
 */

/** A stage we cannot place (or no stage at all): one in five, like an early qualified deal. */
export const UNKNOWN_STAGE_PROBABILITY = 0.2;

/**
 * Patterns tried in order on the lower-cased stage; the first that matches gives the chance.
 * Later stages come first so "contract sent after negotiation" reads as the later one.
 */
const LADDER: readonly (readonly [RegExp, number])[] = [
  [/closed ?won|\bwon\b|gewonnen/, 1],
  [/closed ?lost|\blost\b|verloren/, 0],
  [/contract|vertrag|commit|unterschrift|signature/, 0.9],
  [/negotiat|verhandl|review/, 0.8],
  [/decision ?maker ?bought|decisionmakerboughtin|entscheider|perception/, 0.7],
  [/proposal|quote|angebot|price/, 0.6],
  [/presentation|demo|value proposition|präsentation|praesentation|lösung|loesung|id\.? decision/, 0.5],
  [/qualified ?to ?buy|qualifiedtobuy|needs analysis|needs defined|bedarf|analyse/, 0.4],
  [/appointment|meeting|termin|contact made|kontakt/, 0.2],
  [/qualif|qualifizier/, 0.1],
  [/prospect|lead|neu\b|new\b|interessent/, 0.1],
];

export function stageProbability(stage: string | undefined): { probability: number; known: boolean } {
  const name = (stage ?? '').trim().toLowerCase();
  if (name !== '')
    for (const [pattern, probability] of LADDER) if (pattern.test(name)) return { probability, known: true };
  return { probability: UNKNOWN_STAGE_PROBABILITY, known: false };
}
