// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import react from '@astrojs/react';

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
          ],
        },
        { label: 'Learn', items: [{ autogenerate: { directory: 'content/learn' } }] },
        { label: 'Reference', items: [{ autogenerate: { directory: 'content/reference' } }] },
      ],
    }),
    react(),
  ],
});
