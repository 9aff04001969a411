import { describe, expect, it } from 'vitest';
import { type MethodName, api } from '../../../../shared/api';
import type { Role } from '../../../../shared/roles';
import { SECTIONS } from '../../../../renderer/src/app/routes';
import { may } from '../../../../renderer/src/session/may';
import { maySee } from '../../../../renderer/src/session/sectionAccess';
import { passwordStrength } from '../../../../renderer/src/session/passwordStrength';

const visible = (role: Role) => SECTIONS.filter((section) => maySee(role, section));

describe('what the screen offers each role', () => {
  it('follows the API table: a role may call a method when it holds the capability the method needs', () => {
    expect(may('administrator', 'audit.exportCsv')).toBe(true);
    expect(may('staff', 'audit.list')).toBe(false);
    expect(may('staff', 'backups.backupNow')).toBe(true);
    expect(may('staff', 'backups.restore')).toBe(false);
    expect(may('volunteer', 'candidates.archive')).toBe(false);
    expect(may('volunteer', 'timeline.add')).toBe(true);
    expect(may('reader', 'candidates.get')).toBe(false);
    expect(may(null, 'session.status')).toBe(false);
    // The administrator does everything.
    expect((Object.keys(api) as MethodName[]).every((method) => may('administrator', method))).toBe(true);
  });

  it('shows every section to the administrator', () => {
    expect(visible('administrator')).toEqual([...SECTIONS]);
  });

  it('shows a volunteer no exchange, no settings and no reports', () => {
    expect(visible('volunteer')).toEqual(['home', 'calendar', 'candidates', 'sessions', 'employers', 'volunteers', 'partners', 'matching']);
  });

  it('shows staff the settings (for backups) and the exchange, and a reader only the home and the reports', () => {
    expect(visible('staff')).toContain('settings');
    expect(visible('staff')).toContain('exchange');
    expect(visible('reader')).toEqual(['home', 'reports']);
  });

  it('shows nothing but the home screen without a session', () => {
    expect(visible(null as never)).toEqual(['home']);
  });
});

describe('the new password hint', () => {
  it('judges length first, then the kinds of characters', () => {
    expect(passwordStrength('short')).toBe('tooShort');
    expect(passwordStrength('aaaaaaaaaaaa')).toBe('weak');
    expect(passwordStrength('abcdefghijk')).toBe('weak');
    expect(passwordStrength('Abcdefghij7')).toBe('fair');
    expect(passwordStrength('le chat dort sur le toit')).toBe('strong');
    expect(passwordStrength('Tremplin-2026!x')).toBe('fair');
    expect(passwordStrength('Tremplin-2026!xyz')).toBe('strong');
  });
});
