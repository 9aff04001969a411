import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { IMPORT_CHOICES, type ImportDecisions, type ImportItem, type ImportItemState, type ImportPreview, type ImportQuestion, importQuestionOf } from '../../../shared/exchange';
import { formatDate } from '../app/format';
import { routeToHash } from '../app/routes';
import { FingerprintWords } from './Fingerprint';
import { ErrorAlert } from '../ui/ErrorAlert';
import { sectorLabel } from '../ui/sectors';

/** The groups of the preview, those that need a decision first. */
const GROUPS = ['conflict', 'duplicate', 'older', 'new', 'updated', 'unchanged'] as const satisfies readonly (ImportQuestion | ImportItemState)[];
type Group = (typeof GROUPS)[number];

/** Lines shown in a group that needs no decision; the count says the rest. */
const LINES_SHOWN = 100;

function groupOf(item: ImportItem): Group {
  return importQuestionOf(item) ?? item.state;
}

/** What the staffer may choose for a group's records, when the group asks. */
function choicesOf(group: Group) {
  return group === 'conflict' || group === 'older' || group === 'duplicate' ? IMPORT_CHOICES[group] : undefined;
}

/** A record's line: a timeline entry by its kind and date, a seeded sector by its translated name. */
function itemLabel({ label }: ImportItem, t: TFunction, language: string): string {
  switch (label.type) {
    case 'name':
      return label.name;
    case 'sector':
      return sectorLabel(label, t);
    case 'timelineEvent':
      return t('exchange.ui.preview.eventLabel', { kind: t(`timeline.values.kinds.${label.kind}`), date: formatDate(label.occurredOn, language) });
  }
}

interface ImportPreviewPanelProps {
  preview: ImportPreview;
  decisions: ImportDecisions;
  onDecide(decisions: ImportDecisions): void;
  /** The buttons and progress under the preview. */
  children: ReactNode;
}

/** Who sent the file and whether its signature was checked, what it holds by state, and the decisions to take. */
export function ImportPreviewPanel({ preview, decisions, onDecide, children }: ImportPreviewPanelProps) {
  const { t, i18n } = useTranslation();
  return (
    <section className="card exchange-panel import-preview" aria-labelledby="import-preview-title" data-testid="import-preview">
      <h2 id="import-preview-title">{t('exchange.ui.preview.title')}</h2>
      <div className="import-sender">
        {/* Without a verified signature, the name and keys in the file prove nothing: said as a claim, no fingerprint. */}
        <p>
          {t(preview.signature === 'verified' ? 'exchange.ui.preview.from' : 'exchange.ui.preview.claimedFrom')}{' '}
          <span className="strong">{preview.sender.name}</span>
          <span className="muted"> · {t('exchange.ui.preview.createdAt', { date: formatDate(preview.createdAt, i18n.language, 'long') })}</span>
        </p>
        {preview.signature === 'verified' ? (
          <p className="tag tag-ok signature-state">{t('exchange.ui.preview.signatureVerified')}</p>
        ) : (
          <p className="tag tag-error signature-state">{t('exchange.ui.preview.signatureUnchecked')}</p>
        )}
        {preview.signature === 'verified' && (
          <p className="muted">
            {t('exchange.ui.preview.fingerprint')} <FingerprintWords fingerprint={preview.sender.fingerprint} size="small" />
          </p>
        )}
      </div>
      {preview.warnings.map((warning) => (
        <ErrorAlert key={warning} messageKey={warning} />
      ))}
      {preview.erasureRequest ? (
        <ErasureRequestPreview partner={preview.sender.name} request={preview.erasureRequest} />
      ) : (
        <RecordsPreview preview={preview} decisions={decisions} onDecide={onDecide} />
      )}
      {children}
    </section>
  );
}

/** A partner's request to erase a person: who, which file here, and that the staffer decides later. */
function ErasureRequestPreview({ partner, request }: { partner: string; request: NonNullable<ImportPreview['erasureRequest']> }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="import-erasure-request" data-testid="import-erasure-request">
      {request.files.length > 0 ? (
        <>
          <p className="strong">
            {t('rights.ui.importRequest.asks', { partner, name: request.files.map((file) => file.name).join(', '), date: formatDate(request.erasedOn, i18n.language) })}
          </p>
          <p className="muted">{t('rights.ui.importRequest.decideLater')}</p>
        </>
      ) : (
        <p>{t('rights.ui.importRequest.notHere', { partner })}</p>
      )}
    </div>
  );
}

function RecordsPreview({ preview, decisions, onDecide }: Omit<ImportPreviewPanelProps, 'children'>) {
  const { t, i18n } = useTranslation();
  const byGroup = new Map<Group, ImportItem[]>(GROUPS.map((group) => [group, []]));
  for (const item of preview.items) byGroup.get(groupOf(item))?.push(item);
  const counts: Record<ImportItemState | 'duplicate', number> = { ...preview.counts, duplicate: byGroup.get('duplicate')?.length ?? 0 };
  counts.new -= counts.duplicate;
  return (
    <>
      <ul className="import-counts" aria-label={t('exchange.ui.preview.countsLabel')}>
        {GROUPS.map((group) => (
          <li key={group} className={`import-count import-count-${group}${counts[group] === 0 ? ' import-count-zero' : ''}`} data-testid={`count-${group}`}>
            <span className="import-count-number">{counts[group]}</span>
            <span>{t(`exchange.ui.preview.groups.${group}`, { count: counts[group] })}</span>
          </li>
        ))}
      </ul>
      {preview.erasedLeftOut > 0 && (
        <p className="muted" data-testid="erased-left-out">
          {t('rights.ui.leftOutErased', { count: preview.erasedLeftOut })}
        </p>
      )}
      {GROUPS.filter((group) => (byGroup.get(group)?.length ?? 0) > 0).map((group) => (
        <ImportGroup
          key={group}
          group={group}
          items={byGroup.get(group) ?? []}
          decisions={decisions}
          onDecide={onDecide}
          label={(item) => itemLabel(item, t, i18n.language)}
        />
      ))}
      <p className="muted import-note">{t('exchange.ui.preview.backupNote')}</p>
    </>
  );
}

interface ImportGroupProps {
  group: Group;
  items: ImportItem[];
  decisions: ImportDecisions;
  onDecide(decisions: ImportDecisions): void;
  label(item: ImportItem): string;
}

/** One state's records; open when each line asks for a decision. */
function ImportGroup({ group, items, decisions, onDecide, label }: ImportGroupProps) {
  const { t } = useTranslation();
  const choices = choicesOf(group);
  const [open, setOpen] = useState(choices !== undefined);
  const shown = choices ? items : items.slice(0, LINES_SHOWN);

  return (
    <details className={`import-group import-group-${group}`} open={open} onToggle={(event) => setOpen(event.currentTarget.open)} data-testid={`group-${group}`}>
      <summary>
        <span className="strong">{t(`exchange.ui.preview.groups.${group}`, { count: items.length })}</span>
        <span className="count-badge">{items.length}</span>
        <span className="muted import-group-help">{t(`exchange.ui.preview.help.${group}`)}</span>
      </summary>
      {open && (
        <>
          {choices && items.length > 1 && (
            <div className="import-all">
              <span className="muted">{t('exchange.ui.preview.forAll')}</span>
              {choices.map((choice) => (
                <button
                  key={choice}
                  type="button"
                  className="button button-quiet"
                  onClick={() => onDecide({ ...decisions, ...Object.fromEntries(items.map((item) => [item.id, choice])) })}
                >
                  {t(`exchange.ui.preview.choices.${group === 'duplicate' ? 'duplicate' : 'conflict'}.${choice}`)}
                </button>
              ))}
            </div>
          )}
          <ul className="import-items">
            {shown.map((item) => (
              <li key={item.id} className="import-item" data-testid="import-item">
                <div className="import-item-name">
                  <span className="tag tag-muted">{t(`exchange.ui.preview.types.${item.recordType}`)}</span>
                  <span className="strong">{label(item)}</span>
                  {item.likelyDuplicates.length > 0 && (
                    <span className="muted">
                      {' '}
                      {t('exchange.ui.preview.maybe')}{' '}
                      {item.likelyDuplicates.map((match, index) => (
                        <span key={match.id}>
                          {index > 0 && ', '}
                          <a href={routeToHash({ section: 'candidates', id: match.id })}>
                            {match.name}
                          </a>
                        </span>
                      ))}
                    </span>
                  )}
                </div>
                {choices && (
                  <fieldset className="import-choice">
                    <legend className="visually-hidden">{t('exchange.ui.preview.decisionFor', { name: label(item) })}</legend>
                    {choices.map((choice) => (
                      <label key={choice} className="choice choice-inline">
                        <input
                          type="radio"
                          name={`decision-${item.id}`}
                          checked={decisions[item.id] === choice}
                          onChange={() => onDecide({ ...decisions, [item.id]: choice })}
                        />
                        <span>{t(`exchange.ui.preview.choices.${group === 'duplicate' ? 'duplicate' : 'conflict'}.${choice}`)}</span>
                      </label>
                    ))}
                  </fieldset>
                )}
              </li>
            ))}
            {items.length > shown.length && <li className="muted">{t('exchange.ui.preview.more', { count: items.length - shown.length })}</li>}
          </ul>
        </>
      )}
    </details>
  );
}
