/** Text in an island whose RFC citations link to the RFC reader, as CitedText.astro does on a page. */
import { Fragment } from 'react';
import { linkCitations } from '../../markdown/rfc-links.ts';

export default function CitedText({ text }: { text: string }) {
  return (
    <>
      {linkCitations(text).map((n, i) =>
        n.type === 'link' ? (
          <a key={i} href={n.url}>
            {n.children[0].value}
          </a>
        ) : (
          <Fragment key={i}>{n.value}</Fragment>
        ),
      )}
    </>
  );
}
