import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { resources, translator } from '../../../shared/i18n';
import { frenchDe } from '../../../shared/i18n/french';

describe('French "de" before a name', () => {
  it('elides before a vowel or a mute h, not otherwise', () => {
    expect(frenchDe('Aminata')).toBe("d'Aminata");
    expect(frenchDe('Émilie')).toBe("d'Émilie");
    expect(frenchDe('Hélène')).toBe("d'Hélène");
    expect(frenchDe('Hugo')).toBe("d'Hugo");
    expect(frenchDe('Karim')).toBe('de Karim');
    expect(frenchDe('Hamid')).toBe('de Hamid');
    expect(frenchDe('Yusuf')).toBe('de Yusuf');
  });

  it('is what every French sentence with a name after "de" uses', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ resources, lng: 'fr', initAsync: false, interpolation: { escapeValue: false } });
    i18n.services.formatter?.add('de', (value: unknown) => frenchDe(String(value)));
    expect(i18n.t('matching.ui.presentations.accepted.explanation', { name: 'Aminata' })).toContain("le recrutement d'Aminata");
    const french = JSON.stringify(resources.fr);
    expect(french).not.toMatch(/\bde \{\{(?:name|other|kept|partner)\}\}/);
  });

  it('is applied by the translator of the documents the main process writes, as by the screens', () => {
    const received = 'rights.ui.copy.exchange.received';
    expect(translator('fr')(received, { partner: 'Amis du Monde' })).toBe("Reçu d'Amis du Monde");
    expect(translator('fr')(received, { partner: 'Secours Catholique' })).toBe('Reçu de Secours Catholique');
    expect(translator('en')(received, { partner: 'Amis du Monde' })).toBe('Received from Amis du Monde');
    expect(translator('fr')('rights.ui.requests.title', { name: 'Aminata' })).toBe("Demande d'Aminata sur ses données");
  });
});
