import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * The fonts every document is printed in: DejaVu Sans, embedded (only the letters used). PDF's
 * built-in Helvetica knows Western European letters only and garbles the rest of a name
 * ("Łukasz", "Nguyễn", "Şükrü", "Иван", "محمد"), which this app's people write daily.
 */
export const FONTS = { regular: 'Regular', bold: 'Bold', italic: 'Italic' } as const;
const FONT_FILES: Record<keyof typeof FONTS, string> = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf', italic: 'DejaVuSans-Oblique.ttf' };

/** A new PDF with the app's fonts registered, writing in the regular one. */
export function newPdf(options: PDFKit.PDFDocumentOptions): PDFKit.PDFDocument {
  // Required on first use: pdfkit and its font libraries are parsed only when a document is printed, not at every start.
  const PDFDocument: typeof import('pdfkit') = require('pdfkit');
  const doc = new PDFDocument(options);
  for (const style of Object.keys(FONTS) as (keyof typeof FONTS)[]) {
    doc.registerFont(FONTS[style], require.resolve(`dejavu-fonts-ttf/ttf/${FONT_FILES[style]}`));
  }
  return doc.font(FONTS.regular);
}
