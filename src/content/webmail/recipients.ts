import { cleanText } from '../../shared/names.ts';
import { isEmailAddress, parseAddressList, type Address } from '../../shared/email-address.ts';

/** Adds an address once (the first name seen for it wins). */
export function addAddress(list: Address[], email: string | null | undefined, name?: string | null): void {
  const address = cleanText(email ?? '').toLowerCase();
  if (!isEmailAddress(address) || list.some((entry) => entry.email === address)) return;
  const display = cleanText(name ?? '');
  list.push(
    display && display.toLowerCase() !== address && display.length <= 300
      ? { email: address, name: display }
      : { email: address },
  );
}

/** Addresses typed into text fields, in order, after those already found. */
export function addTypedAddresses(list: Address[], fields: Iterable<HTMLInputElement | HTMLTextAreaElement>): void {
  for (const field of fields)
    for (const entry of parseAddressList(field.value)) addAddress(list, entry.email, entry.name);
}
