/** Hands text to the browser as a file, made in the page: nothing leaves this browser. */
export function saveTextFile(text: string, filename: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = Object.assign(document.createElement('a'), { href: url, download: filename });
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken its copy once the click is handled; the URL is not needed after that.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
