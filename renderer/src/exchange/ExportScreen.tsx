import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputOf } from '../../../shared/api';
import type { ExchangeStatus, ExportPreview, ExportResult } from '../../../shared/exchange';
import { call } from '../api/client';
import { routeToHash } from '../app/routes';
import { fullName } from '../ui/names';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useCurrentAuthor } from '../ui/currentAuthor';
import { useApiValue } from '../ui/useApiValue';
import { BusyNote, useExchangeProgress } from './Busy';
import { CandidatePicker, type ChosenCandidate } from './CandidatePicker';
import { ExportDone } from './ExportDone';
import { isSetUp } from './status';
import { usePartners } from './usePartners';

type Scope = 'candidates' | 'sharedWithPartner';
type Target = 'partner' | 'passphrase';
type ExportRequest = InputOf<'exchange.previewExport'>;

/** Names listed under "will be sent"; the count says how many more. */
const NAMES_SHOWN = 50;

interface ExportScreenProps {
  status: ExchangeStatus;
  /** `#/exchange/export/<id>`: a referral of this one file. */
  candidateId: string | null;
}

/**
 * Sending files to a partner: which ones, to whom (their verified card, or a passphrase said by
 * phone), what to leave out; then the files that may go and those that may not, with the reason.
 */
export function ExportScreen({ status, candidateId }: ExportScreenProps) {
  const { t } = useTranslation();
  const author = useCurrentAuthor((state) => state.author);
  const cards = useApiValue('exchange.listCards', {});
  const { partners } = usePartners();
  const referred = useApiValue('candidates.get', candidateId ? { id: candidateId } : null, { notFoundKey: 'candidates.errors.notFound' });

  const [scope, setScope] = useState<Scope>('candidates');
  const [chosen, setChosen] = useState<ChosenCandidate[]>([]);
  const [target, setTarget] = useState<Target | null>(null);
  const [cardId, setCardId] = useState('');
  const [partnerId, setPartnerId] = useState('');
  const [includeNotes, setIncludeNotes] = useState(true);
  const [includeBarriers, setIncludeBarriers] = useState(true);
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);
  const [result, setResult] = useState<ExportResult | null>(null);
  const progress = useExchangeProgress(exporting);

  useEffect(() => {
    if (referred.state.status === 'ready') {
      const candidate = referred.state.value;
      setChosen((current) => (current.some((item) => item.id === candidate.id) ? current : [{ id: candidate.id, name: fullName(candidate) }, ...current]));
    }
  }, [referred.state]);

  // Only a card checked by phone and linked to a partner record can be sent to.
  const allCards = cards.state.status === 'ready' ? cards.state.value : [];
  const usableCards = allCards.filter((card) => card.verifiedAt && card.partnerId);
  const shownTarget: Target = target ?? (usableCards.length > 0 ? 'partner' : 'passphrase');

  const request = useMemo((): ExportRequest | null => {
    const to = shownTarget === 'partner' ? (cardId ? { kind: 'partner' as const, partnerCardId: cardId } : null) : partnerId ? { kind: 'passphrase' as const, partnerId } : null;
    const what = scope === 'sharedWithPartner' ? { kind: 'sharedWithPartner' as const } : chosen.length > 0 ? { kind: 'candidates' as const, ids: chosen.map((item) => item.id) } : null;
    return to && what ? { scope: what, to, includeNotes, includeBarriers } : null;
  }, [shownTarget, cardId, partnerId, scope, chosen, includeNotes, includeBarriers]);
  const preview = useApiValue('exchange.previewExport', request);

  if (!isSetUp(status)) {
    return (
      <div className="empty-state">
        <h2>{t('exchange.ui.notSetUp.title')}</h2>
        <p>{t('exchange.ui.notSetUp.text')}</p>
        <a className="button button-primary" href={routeToHash({ section: 'exchange' })}>
          {t('exchange.ui.notSetUp.link')}
        </a>
      </div>
    );
  }

  if (result) {
    return (
      <ExportDone
        result={result}
        recipient={shownTarget === 'partner' ? (allCards.find((card) => card.id === cardId)?.name ?? '') : (partners.find((partner) => partner.id === partnerId)?.name ?? '')}
        onAnother={() => {
          setResult(null);
          setChosen([]);
        }}
      />
    );
  }

  async function createFile() {
    if (!request) return;
    setExportError(null);
    setExporting(true);
    const answer = await call('exchange.export', { ...request, author: author.trim() || null });
    setExporting(false);
    if (!answer.ok) {
      setExportError(answer.error.message);
      return;
    }
    setResult(answer.value);
  }

  const ready = preview.state.status === 'ready' && request !== null ? preview.state.value : null;
  const locked = status.keys !== null && !status.keys.unlocked;

  return (
    <div className="export">
      <ErrorAlert messageKey={referred.state.status === 'error' ? referred.state.messageKey : null} />
      <form className="card form" noValidate onSubmit={(event) => event.preventDefault()} aria-label={t('exchange.ui.export.formLabel')}>
        <fieldset className="form-section">
          <legend>{t('exchange.ui.export.what')}</legend>
          <div className="choice-list">
            <label className="choice">
              <input type="radio" name="export-scope" checked={scope === 'candidates'} onChange={() => setScope('candidates')} />
              <span>{t('exchange.ui.export.scopeCandidates')}</span>
            </label>
            <label className="choice">
              <input type="radio" name="export-scope" checked={scope === 'sharedWithPartner'} onChange={() => setScope('sharedWithPartner')} />
              <span>{t('exchange.ui.export.scopeShared')}</span>
            </label>
          </div>
          {scope === 'candidates' && <CandidatePicker chosen={chosen} onChange={setChosen} />}
        </fieldset>

        <fieldset className="form-section">
          <legend>{t('exchange.ui.export.to')}</legend>
          <div className="choice-list">
            <label className="choice">
              <input type="radio" name="export-target" checked={shownTarget === 'partner'} disabled={usableCards.length === 0} onChange={() => setTarget('partner')} />
              <span>
                {t('exchange.ui.export.toCard')}
                <span className="choice-hint">{t(usableCards.length === 0 ? 'exchange.ui.export.toCardNone' : 'exchange.ui.export.toCardHint')}</span>
              </span>
            </label>
            <label className="choice">
              <input type="radio" name="export-target" checked={shownTarget === 'passphrase'} onChange={() => setTarget('passphrase')} />
              <span>
                {t('exchange.ui.export.toPassphrase')}
                <span className="choice-hint">{t('exchange.ui.export.toPassphraseHint')}</span>
              </span>
            </label>
          </div>
          {shownTarget === 'partner' ? (
            <div className="field export-target">
              <label htmlFor="export-card">{t('exchange.ui.export.card')}</label>
              <select id="export-card" value={cardId} onChange={(event) => setCardId(event.target.value)}>
                <option value="">{t('exchange.ui.export.choose')}</option>
                {usableCards.map((card) => (
                  <option key={card.id} value={card.id}>
                    {card.name}
                  </option>
                ))}
              </select>
              {allCards.length > usableCards.length && (
                <p className="field-hint">{t('exchange.ui.export.cardsLeftOut', { count: allCards.length - usableCards.length })}</p>
              )}
            </div>
          ) : (
            <div className="field export-target">
              <label htmlFor="export-partner">{t('exchange.ui.export.partner')}</label>
              <select id="export-partner" value={partnerId} onChange={(event) => setPartnerId(event.target.value)}>
                <option value="">{t('exchange.ui.export.choose')}</option>
                {partners.map((partner) => (
                  <option key={partner.id} value={partner.id}>
                    {partner.name}
                  </option>
                ))}
              </select>
              <p className="field-hint">{t('exchange.ui.export.partnerHint')}</p>
            </div>
          )}
        </fieldset>

        <fieldset className="form-section">
          <legend>{t('exchange.ui.export.leaveOut')}</legend>
          <p className="field-hint">{t('exchange.ui.export.leaveOutHint')}</p>
          <label className="checkbox">
            <input type="checkbox" checked={!includeNotes} onChange={(event) => setIncludeNotes(!event.target.checked)} />
            <span>{t('exchange.ui.export.withoutNotes')}</span>
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={!includeBarriers} onChange={(event) => setIncludeBarriers(!event.target.checked)} />
            <span>{t('exchange.ui.export.withoutBarriers')}</span>
          </label>
        </fieldset>
      </form>

      <section className="card exchange-panel export-preview" aria-labelledby="export-preview-title" aria-busy={preview.state.status === 'loading' && request !== null}>
        <h2 id="export-preview-title">{t('exchange.ui.export.previewTitle')}</h2>
        {request === null && <p className="muted">{t('exchange.ui.export.previewWaiting')}</p>}
        <ErrorAlert messageKey={request !== null && preview.state.status === 'error' ? preview.state.messageKey : null} />
        {ready && <ExportLists preview={ready} />}
        {exporting && <BusyNote labelKey="exchange.ui.export.busy" progress={progress} />}
        <ErrorAlert messageKey={exportError} />
        {locked && <p className="muted">{t('exchange.ui.export.unlockFirst')}</p>}
        <div className="exchange-actions">
          <button
            type="button"
            className="button button-primary"
            disabled={!ready || ready.allowed.length === 0 || exporting || locked}
            onClick={() => void createFile()}
          >
            {t('exchange.ui.export.create', { count: ready?.allowed.length ?? 0 })}
          </button>
        </div>
      </section>
    </div>
  );
}

/** The files that will go, and those that will not with the reason, each a link to fix it. */
function ExportLists({ preview }: { preview: ExportPreview }) {
  const { t } = useTranslation();
  return (
    <div className="export-lists">
      <div data-testid="export-allowed">
        <h3>{t('exchange.ui.export.allowed', { count: preview.allowed.length })}</h3>
        {preview.allowed.length === 0 ? (
          <p className="muted">{t('exchange.ui.export.allowedNone')}</p>
        ) : (
          <ul className="plain-list">
            {preview.allowed.slice(0, NAMES_SHOWN).map((item) => (
              <li key={item.id}>{item.name}</li>
            ))}
            {preview.allowed.length > NAMES_SHOWN && <li className="muted">{t('exchange.ui.export.more', { count: preview.allowed.length - NAMES_SHOWN })}</li>}
          </ul>
        )}
      </div>
      {preview.blocked.length > 0 && (
        <div data-testid="export-blocked" className="export-blocked">
          <h3>{t('exchange.ui.export.blocked', { count: preview.blocked.length })}</h3>
          <ul className="plain-list">
            {preview.blocked.slice(0, NAMES_SHOWN).map((item) => (
              <li key={item.id}>
                <a href={routeToHash({ section: 'candidates', id: item.id })}>{item.name}</a>
                <span className="blocked-reason"> {t(`exchange.ui.export.reasons.${item.reason}`)}</span>
                {item.reason !== 'archived' && (
                  <span className="badge-not-shareable" data-testid="not-shareable">
                    {t('candidates.ui.record.notShareable')}
                  </span>
                )}
              </li>
            ))}
            {preview.blocked.length > NAMES_SHOWN && <li className="muted">{t('exchange.ui.export.more', { count: preview.blocked.length - NAMES_SHOWN })}</li>}
          </ul>
        </div>
      )}
    </div>
  );
}
