/**
 * What the command line prints from data (names, partner names, file contents) goes through
 * here: a terminal obeys control characters, so a name holding `ESC ] 0 ;` retitles the window
 * and `ESC [ 2 J` clears the screen, whatever the database or a received file holds. They are
 * shown as `\u001b`-style escapes instead; so are DEL, the C1 controls (U+0080–U+009F, which
 * some terminals obey too), the line separators and the bidirectional overrides that reorder
 * what is shown.
 */

const C0 = '\\u0000-\\u001f';
const BEYOND_ASCII = '\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069';

const escaped = (character: string) => `\\u${(character.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`;

const ANY_UNSAFE = new RegExp(`[${C0}${BEYOND_ASCII}]`, 'g');
const UNSAFE_IN_JSON = new RegExp(`[${BEYOND_ASCII}]`, 'g');

/** One value from data, safe to print on one line of a terminal. */
export function printable(value: unknown): string {
  return String(value).replace(ANY_UNSAFE, escaped);
}

/** A line of our own text whose `${…}` values come from data: each value is made printable. */
export function line(parts: TemplateStringsArray, ...values: unknown[]): string {
  return parts.reduce((text, part, index) => `${text}${printable(values[index - 1])}${part}`);
}

/**
 * JSON for tools, safe in a terminal: JSON.stringify escapes C0 controls but not the others,
 * which become `\uXXXX` escapes here (the same characters to a JSON reader).
 */
export function printableJson(data: unknown): string {
  return (JSON.stringify(data, null, 2) ?? 'null').replace(UNSAFE_IN_JSON, escaped);
}

/**
 * Asks for a secret on the terminal without showing it (a password). Refuses when the input is
 * not a terminal: a script gives the secret through its environment variable instead.
 */
export function askHidden(question: string): Promise<string> {
  const input = process.stdin;
  if (!input.isTTY) return Promise.reject(new Error('no terminal to ask the password on: set TREMPLIN_PASSWORD'));
  process.stderr.write(question);
  input.setRawMode(true);
  input.resume();
  input.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let typed = '';
    const done = (error: Error | null) => {
      input.setRawMode(false);
      input.pause();
      input.off('data', onData);
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (chunk: string) => {
      for (const character of chunk) {
        if (character === '\r' || character === '\n') return done(null);
        if (character === '\u0003') return done(new Error('interrupted'));
        if (character === '\u007f' || character === '\b') typed = typed.slice(0, -1);
        else typed += character;
      }
    };
    input.on('data', onData);
  });
}
