import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { resources } from '../../../../shared/i18n';
import { frenchDe } from '../../../../renderer/src/app/format';

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
    expect(french).not.toMatch(/\bde \{\{(?:name|other|kept)\}\}/);
  });
});
