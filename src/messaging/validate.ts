import type * as v from 'valibot';

/** Valibot's default messages quote the input: a 5 MB string must not come back as 5 MB. */
function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues
    .slice(0, 3)
    .map((issue) => {
      const path = issue.path?.map((item) => clip(String(item.key), 60)).join('.');
      return clip(path ? `${path}: ${issue.message}` : issue.message, 200);
    })
    .join('; ');
}

/**
 * How a refused payload is reported, by the router (a message) and by the storage service (a
 * page's write) alike: "Invalid outcome.record: wonAmount: not positive."
 */
export function invalidPayloadMessage(type: string, issues: readonly v.BaseIssue<unknown>[]): string {
  return `Invalid ${type}: ${describeIssues(issues)}.`;
}
