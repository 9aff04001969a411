import { z } from 'zod';
import { CONSENT_TEXT_PARTS, CURRENT_CONSENT_TEXT_VERSION, type Candidate, type ConsentForm } from '../../shared/candidates';
import { translator } from '../../shared/i18n';
import type { Language } from '../../shared/i18n/languages';
import type { ReadDb } from '../db/handles';
import { readSetting } from '../store/settings';
import { finishPdf, pdfDocument } from './report-documents';
import { FONTS } from './pdf';

/** The association's profile (services/exchange/keys.ts), read for its name only. */
const ASSOCIATION_KEY = 'association';
const associationName = z.object({ name: z.string() });

/** The parts of the text the person ticks, one box each (the others are read). */
const CONSENT_KINDS_ASKED = CONSENT_TEXT_PARTS.filter((part) => part !== 'purpose' && part !== 'rights');

/** A box to tick by hand and its sentence. */
function tickLine(doc: PDFKit.PDFDocument, text: string): void {
  const y = doc.y;
  doc.rect(doc.page.margins.left, y + 1, 9, 9).lineWidth(0.8).stroke('black');
  doc.font(FONTS.regular).fontSize(10).text(text, doc.page.margins.left + 16, y, { width: doc.page.width - doc.page.margins.left - doc.page.margins.right - 16 });
  doc.moveDown(0.5);
  doc.x = doc.page.margins.left;
}

/**
 * The consent form to print and sign, in the person's language: the version of the text the
 * file records (the current one when none yet), prefilled with the person's and the
 * association's names, a box per kind of consent, then date and signatures.
 */
export function consentFormPdf(db: ReadDb, candidate: Pick<Candidate, 'firstName' | 'lastName' | 'consentTextVersion'>, language: Language, today: string): Promise<ConsentForm> {
  const t = translator(language);
  const version = candidate.consentTextVersion ?? CURRENT_CONSENT_TEXT_VERSION;
  const association = readSetting(db, ASSOCIATION_KEY, associationName)?.name ?? t('candidates.ui.consentForm.ourAssociation');
  const person = `${candidate.firstName} ${candidate.lastName}`;
  const values = { association, person };
  const doc = pdfDocument({ title: t('candidates.ui.consentForm.title'), subtitle: [association, t('candidates.ui.consentForm.version', { version })], titleTop: 60 });
  const left = doc.page.margins.left;
  doc.moveDown(1.5);
  doc.x = left;
  doc.font(FONTS.bold).fontSize(11).text(t('candidates.ui.consentForm.person', { person }));
  doc.moveDown(0.6);
  const text = (part: string) => t(`candidates.values.consentText.${version}.${part}`, values);
  doc.font(FONTS.regular).fontSize(10).text(text('purpose'), { align: 'justify' });
  doc.moveDown(0.6);
  doc.font(FONTS.bold).fontSize(11).text(t('candidates.ui.consentForm.agree'));
  doc.moveDown(0.4);
  for (const part of CONSENT_KINDS_ASKED) tickLine(doc, text(part));
  doc.font(FONTS.regular).fontSize(10).text(t('candidates.ui.consentForm.partners'));
  doc.moveDown(0.4);
  for (let line = 0; line < 2; line += 1) {
    doc.moveTo(left, doc.y + 10).lineTo(doc.page.width - doc.page.margins.right, doc.y + 10).lineWidth(0.5).stroke('black');
    doc.moveDown(1.4);
  }
  doc.moveDown(0.8);
  doc.font(FONTS.regular).fontSize(9).text(text('rights'), left, doc.y, { align: 'justify' });
  doc.moveDown(1.2);
  const half = (doc.page.width - 2 * left) / 2;
  const y = doc.y;
  doc.font(FONTS.regular).fontSize(10).text(t('candidates.ui.consentForm.dateAndPlace'), left, y, { width: half - 10 });
  doc.text(t('candidates.ui.consentForm.signaturePerson'), left + half, y, { width: half - 10 });
  doc.text(t('candidates.ui.consentForm.signatureAssociation', { association }), left + half, y + 70, { width: half - 10 });
  doc.x = left;
  const pdf = finishPdf(doc, () => t('candidates.ui.consentForm.footer', { version, date: today }));
  return pdf.then((bytes) => ({
    fileName: `${t('candidates.ui.consentForm.fileName')}-${candidate.lastName}-${candidate.firstName}.pdf`.replaceAll(/[\\/:*?"<>|\s]+/g, '-'),
    contentBase64: bytes.toString('base64'),
  }));
}
