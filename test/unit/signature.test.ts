// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { emptyBefore, signatureStart } from '../../src/content/ui/signature.ts';

/** A compose body as the mail app writes it (markup from test/fixtures/hand-made and the engineering notes). */
function body(html: string): HTMLElement {
  const editor = document.createElement('div');
  editor.contentEditable = 'true';
  // Test input only: markup written here, never page text.
  editor.innerHTML = html; // eslint-disable-line no-unsanitized/property
  document.body.replaceChildren(editor);
  return editor;
}

describe('where a compose signature begins', () => {
  it('Gmail since 2022: the "-- " prefix span before the signature block', () => {
    const editor = body(
      '<div dir="ltr"><br></div><br><span class="gmail_signature_prefix">-- </span><br><div class="gmail_signature" data-smartmail="gmail_signature">Sam</div>',
    );
    expect((signatureStart(editor) as Element).className).toBe('gmail_signature_prefix');
    expect(emptyBefore(editor, signatureStart(editor) as Node)).toBe(true);
  });

  it('Gmail before: the delimiter inside the signature block', () => {
    const editor = body('Hello<br><div class="gmail_signature" data-smartmail="gmail_signature">-- <br>Sam</div>');
    expect((signatureStart(editor) as Element).className).toBe('gmail_signature');
    expect(emptyBefore(editor, signatureStart(editor) as Node)).toBe(false);
  });

  it('Outlook: #Signature (and the older lower-case id)', () => {
    expect((signatureStart(body('<div><br></div><div id="Signature"><div>-- </div>Sam</div>')) as Element).id).toBe(
      'Signature',
    );
    expect((signatureStart(body('<div>Hi</div><div id="signature">Sam</div>')) as Element).id).toBe('signature');
  });

  it('a "-- " line typed by hand, and its line before a signature block', () => {
    expect(signatureStart(body('<div>Hi</div><div>-- </div><div>Sam</div>'))?.textContent).toBe('-- ');
    expect(signatureStart(body('<div>Hi</div><div>--</div><div id="Signature">Sam</div>'))?.textContent).toBe('--');
  });

  it('none: no signature, and a dash in a sentence is not one', () => {
    expect(signatureStart(body('<div>Hi -- there</div><div>--- </div>'))).toBe(null);
    expect(signatureStart(body(''))).toBe(null);
  });
});
