// A rule or outcome page, read in a dialog over the dashboard (Escape closes it).
import { useEffect, useRef } from 'preact/hooks';
import type { DocPage } from '../../src/web/types.js';
import { Markdown } from './markdown.js';

export function DocDialog({ page, onClose }: { page: DocPage & { kind: string }; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, [page]);
  return (
    <dialog
      ref={ref}
      class="doc"
      aria-label={`${page.kind === 'rules' ? 'Rule' : 'Outcome'} ${page.id}`}
      onClose={onClose}
    >
      <div class="doc-close">
        <span class="muted">
          docs/{page.kind}/{page.id}.md
        </span>
        <button type="button" autoFocus onClick={() => ref.current?.close()}>
          Close
        </button>
      </div>
      <Markdown text={page.markdown} />
    </dialog>
  );
}
