import { useTranslation } from 'react-i18next';
import type { DueCardName, DueLists } from '../../../shared/dashboard';
import { daysBetween } from '../../../shared/dates';
import { formatDate } from '../app/format';
import { journeyHash, presentationHash, routeToHash } from '../app/routes';

export interface DueItemView {
  key: string;
  /** Where one click takes the person: the record the item is about. */
  href: string;
  name: string;
  /** What the item is (the employer, the kind of placement…). */
  detail?: string | null;
  /** When it is due, in words ("Expires in 12 days"). */
  when: string;
  /** Already late (expired, overdue): drawn as a warning, and the words say so too. */
  late: boolean;
}

export type DueItem<Card extends DueCardName> = DueLists[Card]['items'][number];
export type DueViews = { [Card in DueCardName]: (item: DueItem<Card>) => DueItemView };

const candidateHref = (candidateId: string, tab?: 'work') =>
  routeToHash({ section: 'candidates', id: candidateId, ...(tab ? { rest: [tab] } : {}) });

/** How each card's items read and where they lead, seen on `today`: the same on the home screen and in a card's full list. */
export function useDueViews(today: string): DueViews {
  const { t, i18n } = useTranslation();
  const date = (value: string) => formatDate(value, i18n.language);
  /** "in 3 days", "today", "5 days late", from the keys of one family. */
  const relative = (family: string, day: string) => {
    const days = daysBetween(today, day);
    if (days === 0) return t(`dashboard.ui.when.${family}Today`);
    return days > 0 ? t(`dashboard.ui.when.${family}In`, { count: days }) : t(`dashboard.ui.when.${family}Ago`, { count: -days });
  };
  /** An anonymised file has no name left: it reads as what it is. */
  const personName = (name: string) => (name.trim() === '' ? t('retention.ui.anonymisedFile') : name);
  return {
    authorisations: (item) => ({
      key: item.candidateId,
      href: candidateHref(item.candidateId, 'work'),
      name: personName(item.candidateName),
      when: t('dashboard.ui.details.expiry', { when: relative('expires', item.expiry), date: date(item.expiry) }),
      late: item.daysLeft < 0,
    }),
    followUps: (item) => ({
      key: item.followUpId,
      href: journeyHash(item.candidateId),
      name: personName(item.candidateName),
      detail: [t('dashboard.ui.details.followUp', { count: item.monthsAfter }), item.hostName].filter(Boolean).join(' · '),
      when: relative('due', item.dueOn),
      late: item.dueOn < today,
    }),
    placements: (item) => ({
      key: item.placementId,
      href: journeyHash(item.candidateId),
      name: personName(item.candidateName),
      detail: [t(`matching.values.placementKinds.${item.kind}`), item.hostName].filter(Boolean).join(' · '),
      when: relative('ends', item.endDate),
      late: item.endDate < today,
    }),
    presentations: (item) => ({
      key: item.presentationId,
      href: presentationHash(item.presentationId),
      name: personName(item.candidateName),
      detail: `${item.occupation} · ${item.employerName}`,
      when: t('dashboard.ui.details.waiting', {
        state: t(`matching.values.presentationStates.${item.state}`),
        count: daysBetween(item.stateChangedOn, today),
      }),
      late: false,
    }),
    quietCandidates: (item) => ({
      key: item.candidateId,
      href: candidateHref(item.candidateId),
      name: personName(item.candidateName),
      when:
        item.lastContactOn === null
          ? t('dashboard.ui.details.neverContacted')
          : t('dashboard.ui.details.noContactFor', { count: daysBetween(item.lastContactOn, today) }),
      late: false,
    }),
    erasureProposed: (item) => ({
      key: item.candidateId,
      href: candidateHref(item.candidateId),
      name: item.candidateName,
      when: t('dashboard.ui.details.consentWithdrawnOn', { date: date(item.withdrawnOn) }),
      late: false,
    }),
  };
}

/** The full list of one card. */
export const dueListHash = (card: DueCardName) => routeToHash({ section: 'home', id: card });
