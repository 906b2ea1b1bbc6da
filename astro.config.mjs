// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import react from '@astrojs/react';
import rfcLinks from './site/markdown/rfc-links.ts';

// The tutorials live in the top-level content/ folder (see site/content.config.ts); Starlight
// only runs its Markdown processing (asides, headings) on folders listed in processedDirs.
export default defineConfig({
  srcDir: './site',
  publicDir: './site/public',
  output: 'static',
  site: 'http://localhost:4321',
  trailingSlash: 'ignore',
  server: { host: '127.0.0.1', port: 4321 },
  integrations: [
    starlight({
      title: 'Mailwire',
      description: 'Learn SMTP, POP3 and IMAP by typing the real protocols into a terminal.',
      markdown: { processedDirs: ['./content'] },
      customCss: ['./site/styles/theme.css'],
      // Adds the RFC drawer's click handler to every page's <head>.
      components: { Head: './site/components/rfc/RfcHead.astro' },
      // The first tutorial has no "Previous" leading out of Learn (site/navigation/pagination.ts).
      routeMiddleware: './site/navigation/route-middleware.ts',
      sidebar: [
        {
          label: 'Start here',
          items: [
            { label: 'Home', link: '/' },
            { label: 'Lab: the terminal', link: '/lab/' },
            { label: 'Compare POP3 and IMAP', link: '/compare/' },
            { label: 'Ports explorer', link: '/ports/' },
            { label: 'See the wire', link: '/wire/' },
            { label: 'Live servers', link: '/live/' },
            { label: 'Explain a transcript', link: '/explain/' },
          ],
        },
        { label: 'Learn', items: [{ autogenerate: { directory: 'content/learn' } }] },
        { label: 'Reference', items: [{ autogenerate: { directory: 'content/reference' } }, { label: 'RFC texts', link: '/rfc/' }] },
      ],
    }),
    react(),
    // "RFC 5321 §4.2.1" in the tutorials links to the RFC reader (/rfc/5321/#section-4.2.1).
    rfcLinks(),
  ],
});
