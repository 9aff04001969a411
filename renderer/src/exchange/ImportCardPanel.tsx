import { type ChangeEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CARD_MAX_BYTES, type CardPreview, type PartnerCard } from '../../../shared/exchange';
import type { PartnerSummary } from '../../../shared/partners';
import { call } from '../api/client';
import { formatSiret } from '../../../shared/employers';
import { useNotices } from '../app/notices';
import { ErrorAlert } from '../ui/ErrorAlert';
import { Field } from '../ui/Field';
import { folded } from '../ui/text';
import { FingerprintWords } from './Fingerprint';
import { FileInput } from '../ui/FileInput';
import { readText } from './files';

interface ImportCardPanelProps {
  /** The cards we hold: a new file for one of them keeps its link unless told otherwise. */
  cards: PartnerCard[];
  partners: PartnerSummary[];
  onClose(): void;
  onImported(card: PartnerCard): void;
}

/** A partner's card file: what it says and whose it is, linked to one of our partner records, then saved. */
export function ImportCardPanel({ cards, partners, onClose, onImported }: ImportCardPanelProps) {
  const { t } = useTranslation();
  const showNotice = useNotices((state) => state.showNotice);
  const [opened, setOpened] = useState<{ content: string; preview: CardPreview } | null>(null);
  const [partnerId, setPartnerId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function open(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    setOpened(null);
    if (!file) return;
    if (file.size > CARD_MAX_BYTES) {
      setError('exchange.errors.cardTooLarge');
      return;
    }
    const content = await readText(file);
    const result = await call('exchange.previewCard', { content });
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    const read = result.value;
    setError(read.isOurs ? 'exchange.errors.ownCard' : null);
    setOpened({ content, preview: read });
    // The record it already belongs to, else the partner of the same name.
    const known = cards.find((card) => card.id === read.existing?.id)?.partnerId;
    const sameName = partners.find((partner) => folded(partner.name) === folded(read.card.name))?.id;
    setPartnerId(known ?? sameName ?? '');
  }

  async function save() {
    if (!opened) return;
    setSaving(true);
    const result = await call('exchange.importCard', { content: opened.content, partnerId: partnerId === '' ? null : partnerId });
    setSaving(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    showNotice('exchange.ui.importCard.saved');
    onImported(result.value);
  }

  const preview = opened?.preview;
  return (
    <section className="import-card" aria-labelledby="import-card-title">
      <h3 id="import-card-title">{t('exchange.ui.importCard.title')}</h3>
      <Field id="import-card-file" label={t('exchange.ui.importCard.file')} hint={t('exchange.ui.importCard.fileHint')} error={undefined}>
        {(a11y) => <FileInput {...a11y} accept=".json,application/json" onChange={(event) => void open(event)} />}
      </Field>
      <ErrorAlert messageKey={error} />
      {preview && !preview.isOurs && (
        <div className="import-card-preview" data-testid="card-preview">
          <p>
            <span className="strong">{preview.card.name}</span>
            {preview.card.siret && <span className="muted"> · {t('exchange.ui.importCard.siret', { siret: formatSiret(preview.card.siret) })}</span>}
          </p>
          {(preview.card.email || preview.card.phone) && <p className="muted">{[preview.card.email, preview.card.phone].filter(Boolean).join(' · ')}</p>}
          <FingerprintWords fingerprint={preview.fingerprint} />
          {preview.existing === null && <p className="alert alert-info">{t('exchange.ui.importCard.new')}</p>}
          {preview.existing?.sameKeys && <p className="alert alert-info">{t('exchange.ui.importCard.sameKeys')}</p>}
          {preview.existing && !preview.existing.sameKeys && <ErrorAlert messageKey={'exchange.ui.importCard.newKeys'} />}
          <Field id="import-card-partner" label={t('exchange.ui.importCard.partner')} hint={t('exchange.ui.importCard.partnerHint')} error={undefined}>
            {(a11y) => (
              <select {...a11y} value={partnerId} onChange={(event) => setPartnerId(event.target.value)}>
                <option value="">{t('exchange.ui.importCard.noPartner')}</option>
                {partners.map((partner) => (
                  <option key={partner.id} value={partner.id}>
                    {partner.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
      )}
      <div className="exchange-actions">
        {preview && !preview.isOurs && (
          <button type="button" className="button button-primary" disabled={saving} onClick={() => void save()}>
            {t('exchange.ui.importCard.save')}
          </button>
        )}
        <button type="button" className="button button-secondary" onClick={onClose}>
          {t('exchange.ui.cancel')}
        </button>
      </div>
    </section>
  );
}
