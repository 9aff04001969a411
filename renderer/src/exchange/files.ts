/** Files the staffer saves or picks: the window hands them over, nothing is written by the page. */

/** Offers the blob as a download named `fileName` (the browser or Electron asks where to save it). */
function offerDownload(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started reading the blob; the URL is no longer needed after this turn.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function downloadText(content: string, fileName: string, type: string): void {
  offerDownload(new Blob([content], { type }), fileName);
}

export function downloadBase64(content: string, fileName: string): void {
  const binary = atob(content);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  offerDownload(new Blob([bytes], { type: 'application/octet-stream' }), fileName);
}

function read<T extends string>(how: (reader: FileReader) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as T);
    reader.onerror = () => reject(reader.error);
    how(reader);
  });
}

export const readText = (file: File): Promise<string> => read((reader) => reader.readAsText(file));

/** The file's bytes as base64 (a data URL without its `data:…;base64,` head). */
export async function readBase64(file: File): Promise<string> {
  const url = await read<string>((reader) => reader.readAsDataURL(file));
  return url.slice(url.indexOf(',') + 1);
}
