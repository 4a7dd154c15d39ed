/**
 * Hands a text file to the person: a Blob behind an `<a download>`, which plain Chromium saves to
 * its downloads and Electron offers with its save dialog (its default for a download). The text
 * is encoded as UTF-8; a CSV from `tableToCsv` starts with the byte-order mark Excel needs.
 */
export function downloadText(text: string, fileName: string, type = 'text/csv;charset=utf-8', doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  // The download has taken the blob by the time a minute has passed; until then it must stay.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A file name from words a person reads: no path separators or characters Windows refuses. */
export function fileNameOf(...parts: string[]): string {
  return parts
    .join(' ')
    .replace(/[<>:"/\\|?*\u0000-\u001f\u007f]/g, '_')
    .replace(/\s+/g, ' ')
    .trim();
}
