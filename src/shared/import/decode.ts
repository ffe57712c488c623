/**
 * The bytes of an imported file as text. Exports come in three encodings: UTF-8 (with or without
 * a byte-order mark), UTF-16LE with a BOM (old Google Contacts and Outlook "Unicode" files) and
 * Windows-1252 (Excel re-saves, Outlook desktop in a Western code page). A BOM decides; without
 * one, text that is not valid UTF-8 is read as Windows-1252 (every byte decodes there).
 */

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

/** Windows-1252's 0x80–0x9F (€, ‚, „, …, ™, smart quotes); undefined bytes stay as they are. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/**
 * Windows-1252 as the WHATWG Encoding standard defines it. Browsers decode it so; Node builds
 * without full ICU (where the unit tests and the bench run) treat the label as Latin-1, so the
 * 0x80–0x9F range is mapped here as well.
 */
function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder('windows-1252')
    .decode(bytes)
    .replace(/[\u0080-\u009f]/g, (char) => CP1252_HIGH[char.charCodeAt(0) - 0x80] ?? char);
}

export function decodeBytes(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}
