import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * An XLSX reader independent of the writer (ExcelJS): the system's `unzip` and the
 * SpreadsheetML text read directly. Each sheet by name: rows of cells, a number cell as a
 * number (with its style index, to tell a date), a text cell as its text.
 */
export interface ReadCell {
  value: number | string;
  style: number;
  numeric: boolean;
}

const decode = (text: string) =>
  text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

export function readXlsx(bytes: Buffer, folder: string): Map<string, ReadCell[][]> {
  const file = path.join(folder, 'read.xlsx');
  writeFileSync(file, bytes);
  const part = (name: string) => execFileSync('unzip', ['-p', file, name], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const shared = [...part('xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((match) =>
    decode([...(match[1] ?? '').matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((text) => text[1] ?? '').join('')),
  );
  const relations = new Map(
    [...part('xl/_rels/workbook.xml.rels').matchAll(/<Relationship [^>]*Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map((match) => [match[1], match[2]]),
  );
  const sheets = new Map<string, ReadCell[][]>();
  for (const match of part('xl/workbook.xml').matchAll(/<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)) {
    const target = String(relations.get(match[2] ?? '')).replace(/^\/?xl\//, '');
    const rows: ReadCell[][] = [];
    for (const row of part(`xl/${target}`).matchAll(/<row [^>]*r="(\d+)"[^>]*>([\s\S]*?)<\/row>/g)) {
      const cells: ReadCell[] = [];
      for (const cell of (row[2] ?? '').matchAll(/<c r="([A-Z]+)\d+"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
        const column = [...(cell[1] ?? '')].reduce((sum, letter) => sum * 26 + letter.charCodeAt(0) - 64, 0) - 1;
        const attributes = cell[2] ?? '';
        const type = /t="(\w+)"/.exec(attributes)?.[1];
        const style = Number(/s="(\d+)"/.exec(attributes)?.[1] ?? 0);
        const raw = /<v>([\s\S]*?)<\/v>/.exec(cell[3] ?? '')?.[1];
        const inline = /<t[^>]*>([\s\S]*?)<\/t>/.exec(cell[3] ?? '')?.[1];
        const value = type === 's' ? (shared[Number(raw)] ?? '') : type === 'inlineStr' || type === 'str' ? decode(inline ?? raw ?? '') : raw === undefined ? '' : Number(raw);
        cells[column] = { value, style, numeric: typeof value === 'number' };
      }
      rows[Number(row[1]) - 1] = cells;
    }
    sheets.set(decode(match[1] ?? ''), rows);
  }
  return sheets;
}

/** The number format code of a style index (styles.xml), to tell a date cell from a plain number. */
export function numberFormatOf(bytes: Buffer, folder: string, style: number): string | null {
  const file = path.join(folder, 'styles.xlsx');
  writeFileSync(file, bytes);
  const styles = execFileSync('unzip', ['-p', file, 'xl/styles.xml'], { encoding: 'utf8' });
  const formats = new Map([...styles.matchAll(/<numFmt numFmtId="(\d+)" formatCode="([^"]+)"/g)].map((match) => [Number(match[1]), decode(match[2] ?? '')]));
  const xfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '';
  const xf = [...xfs.matchAll(/<xf ([^>]*?)\/?>/g)][style]?.[1] ?? '';
  const id = Number(/numFmtId="(\d+)"/.exec(xf)?.[1] ?? 0);
  return formats.get(id) ?? (id === 14 ? 'm/d/yyyy' : null);
}
