/** The browser services the terminal session needs, with fallbacks where the page forbids them. */

export function downloadText(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function siteTheme(): string | undefined {
  return document.documentElement.dataset['theme'];
}

/** Calls `onChange` whenever Starlight switches between light and dark. */
export function watchTheme(onChange: (theme: string | undefined) => void): () => void {
  const observer = new MutationObserver(() => onChange(siteTheme()));
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => observer.disconnect();
}
