/**
 * Copies text on the user's click. The async Clipboard API first; where the page's permission
 * policy blocks it, the selection of the draft box and the copy command; false if both fail.
 */
export async function copyText(text: string, fallbackField?: HTMLTextAreaElement): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    if (!fallbackField) return false;
    fallbackField.focus();
    fallbackField.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    }
  }
}
