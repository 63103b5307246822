/** Hands bytes made in the page to the browser as a file (a blob URL and a download link): nothing leaves it. */
export function saveFile(content: string | Uint8Array, filename: string, type: string): void {
  // A copy whose buffer is a plain ArrayBuffer, as Blob takes it.
  const part = typeof content === 'string' ? content : new Uint8Array(content);
  const url = URL.createObjectURL(new Blob([part], { type }));
  const link = Object.assign(document.createElement('a'), { href: url, download: filename });
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken its copy once the click is handled; the URL is not needed after that.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Hands text to the browser as a file, made in the page: nothing leaves this browser. */
export function saveTextFile(text: string, filename: string, type = 'text/csv;charset=utf-8'): void {
  saveFile(text, filename, type);
}
