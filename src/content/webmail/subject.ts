/**
 * Fills an empty subject field. The native setter plus input/change events reach frameworks
 * that track the value (Outlook's React); a subject the user already wrote is left alone.
 */
export function setSubjectIfEmpty(field: HTMLInputElement | null, subject: string | undefined): boolean {
  if (!field || !subject || field.value.trim() !== '') return false;
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
  if (setter) setter.call(field, subject);
  else field.value = subject;
  field.dispatchEvent(new Event('input', { bubbles: true }));
  field.dispatchEvent(new Event('change', { bubbles: true }));
  return true;
}
