import { useEffect, useRef, type ReactNode } from 'react';

/**
 * The page's one <h1>, also the document title. Focus moves to it after a client-side navigation so that screen
 * reader users hear where they arrived (a single-page app otherwise announces nothing).
 */
export function PageTitle({ children, title, extra }: { children: ReactNode; title: string; extra?: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} — DA06`;
  }, [title]);
  useEffect(() => {
    if (document.activeElement === document.body || document.activeElement?.closest('nav')) heading.current?.focus({ preventScroll: true });
  }, []);
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'center', justifyContent: 'space-between', marginBottom: 16 }}>
      <h1 ref={heading} tabIndex={-1} className="page-title">
        {children}
      </h1>
      {extra}
    </div>
  );
}
