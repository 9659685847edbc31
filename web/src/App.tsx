// The dashboard: the picture of the topology (left), what is being looked at (right: a trace, the findings of
// `check`, what-if, a box's details) and the matrix (below). Picking a cell draws its trace on the picture; picking
// a finding shows its resource; a what-if swaps the picture and the matrix for the changed setup.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { nodesFor } from '../../src/web/trace-picture.js';
import type { DocPage, FindingView, PictureNode, Snapshot, TraceView, WhatifView } from '../../src/web/types.js';
import { BackendError, type Backend, type Problem } from './backend.js';
import { DocDialog } from './DocDialog.js';
import { Findings } from './Findings.js';
import { Matrix, type CellRef } from './Matrix.js';
import { NodePanel } from './NodePanel.js';
import { OUTCOME_LOOK } from './outcomes.js';
import { PictureView, type Highlight } from './picture/draw.js';
import { groupsToOpen } from '../../src/web/visible.js';
import { pictureBackground } from './picture/style.js';
import { pictureSvg } from './picture/svg.js';
import { TracePanel } from './TracePanel.js';
import { Whatif } from './Whatif.js';

type Tab = 'trace' | 'findings' | 'whatif' | 'node';
type Overlay = { kind: 'trace'; view: TraceView } | { kind: 'finding'; nodes: string[] } | undefined;
type Theme = 'light' | 'dark';

const TABS: { id: Tab; label: string }[] = [
  { id: 'trace', label: 'Trace' },
  { id: 'findings', label: 'Findings' },
  { id: 'whatif', label: 'What-if' },
  { id: 'node', label: 'Selected box' },
];

function initialTheme(): Theme {
  const saved = (() => {
    try {
      return localStorage.getItem('wspl-theme');
    } catch {
      return null;
    }
  })();
  if (saved === 'light' || saved === 'dark') return saved;
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function describe(h: Highlight): string {
  if (h.findings.length > 0) return `Marked on the picture: ${h.findings.join(', ')}`;
  if (h.legs.length === 0) return '';
  const legs = h.legs.map((l) => `${l.label} ${l.status}`).join('; ');
  const blockers = h.blockers.map((b) => `${b.label} (at ${b.node})`).join('; ');
  return `Drawn on the picture: ${legs}.${blockers ? ` Blockers: ${blockers}` : ''}`;
}

export function App({ backend }: { backend: Backend }) {
  const [snapshot, setSnapshot] = useState<Partial<Snapshot>>({});
  const [loadError, setLoadError] = useState<string>();
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [tab, setTab] = useState<Tab>('trace');
  const [cell, setCell] = useState<CellRef>();
  const [trace, setTrace] = useState<TraceView>();
  const [tracing, setTracing] = useState(false);
  const [overlay, setOverlay] = useState<Overlay>();
  const [whatif, setWhatif] = useState<WhatifView>();
  const [whatifBusy, setWhatifBusy] = useState(false);
  const [whatifError, setWhatifError] = useState<{ message: string; problems: Problem[] }>();
  const [node, setNode] = useState<PictureNode>();
  const [doc, setDoc] = useState<DocPage & { kind: string }>();
  const [theme, setTheme] = useState<Theme>(initialTheme);
  const [announce, setAnnounce] = useState('');
  const [refreshing, setRefreshing] = useState(false);
  const [drawn, setDrawn] = useState(0);
  const pictureBox = useRef<HTMLDivElement>(null);
  const picture = useRef<PictureView | undefined>(undefined);
  const renderSeq = useRef(0);

  const topology = whatif?.topology ?? snapshot.topology;
  const [findText, setFindText] = useState('');
  const [pendingFocus, setPendingFocus] = useState<{ id: string; afterDrawing: number }>();
  const names = useMemo(
    () => [...new Set((topology?.nodes ?? []).flatMap((n) => (n.resource !== undefined ? [n.resource] : [])))],
    [topology],
  );

  const load = async () => {
    const parts = backend.load();
    const part = <K extends keyof Snapshot>(key: K, value: Snapshot[K]) => setSnapshot((s) => ({ ...s, [key]: value }));
    const failed = (e: unknown) => setLoadError(e instanceof Error ? e.message : String(e));
    setLoadError(undefined);
    // The picture waits for its layout, laid out ahead for the groups open at first.
    Promise.all([parts.topology, parts.layout]).then(([t, l]) => {
      performance.mark('wspl-topology');
      setExpanded(new Set(l.expanded));
      setSnapshot((s) => ({ ...s, topology: t, layout: l }));
    }, failed);
    parts.overview.then((v) => part('overview', v), failed);
    parts.matrix.then((v) => part('matrix', v), failed);
    parts.findings.then((v) => part('findings', v), failed);
    parts.suggestions.then((v) => part('suggestions', v), failed);
    await Promise.allSettled(Object.values(parts));
  };

  useEffect(() => {
    void load();
    // Once, on first paint.
  }, []);

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    try {
      localStorage.setItem('wspl-theme', theme);
    } catch {
      // A report opened from disk may have no storage: the theme then lasts for this visit.
    }
    picture.current?.applyTheme();
  }, [theme]);

  useEffect(() => {
    const box = pictureBox.current;
    if (!box || picture.current) return;
    picture.current = new PictureView(box, {
      select: (n) => {
        setNode(n);
        if (n) setTab('node');
      },
      toggle: (id) =>
        setExpanded((open) => {
          const next = new Set(open);
          if (next.has(id)) next.delete(id);
          else next.add(id);
          return next;
        }),
    });
    (window as unknown as { wsplPicture: PictureView }).wsplPicture = picture.current;
  });

  // Draw the picture when the setup or the open groups change; the overlay is drawn again on the new layout.
  useEffect(() => {
    const view = picture.current;
    if (!view || !topology) return;
    const seq = ++renderSeq.current;
    void view.render(topology, expanded, drawn === 0, whatif ? undefined : snapshot.layout).then(() => {
      if (seq !== renderSeq.current) return;
      if (drawn === 0) {
        performance.mark('wspl-picture');
        document.documentElement.dataset.picture = 'ready';
      }
      setDrawn((d) => d + 1);
    });
    // `drawn` is read only to tell the first drawing apart.
  }, [topology, expanded]);

  useEffect(() => {
    const view = picture.current;
    if (!view || drawn === 0) return;
    let h: Highlight;
    if (overlay?.kind === 'trace') h = view.showTrace(overlay.view);
    else if (overlay?.kind === 'finding') h = view.showFinding(overlay.nodes);
    else {
      view.clear();
      h = view.current();
    }
    setAnnounce(describe(h));
    document.documentElement.dataset.overlay = overlay?.kind ?? 'none';
  }, [overlay, drawn]);

  /** Finds a box by id or name, opens the groups around it and selects it once the picture is drawn again. */
  const find = (text: string) => {
    const t = text.trim().toLowerCase();
    if (!topology || !t) return;
    const nodes = topology.nodes;
    const hit =
      nodes.find((n) => n.resource?.toLowerCase() === t || n.id.toLowerCase() === t) ??
      nodes.find((n) => n.label.toLowerCase().includes(t) || (n.resource ?? '').toLowerCase().includes(t));
    if (!hit) {
      setAnnounce(`Nothing on the picture matches "${text}"`);
      return;
    }
    const open = groupsToOpen(topology, [hit.id]).filter((g) => !expanded.has(g));
    if (open.length > 0) setExpanded(new Set([...expanded, ...open]));
    setPendingFocus({ id: hit.id, afterDrawing: drawn + (open.length > 0 ? 1 : 0) });
  };

  useEffect(() => {
    if (!pendingFocus || drawn < pendingFocus.afterDrawing) return;
    picture.current?.focusNode(pendingFocus.id);
    setPendingFocus(undefined);
  }, [pendingFocus, drawn]);

  /** Opens the groups that hold these boxes, then draws the overlay. */
  const show = (next: Overlay, nodes: string[]) => {
    if (topology) {
      const open = groupsToOpen(topology, nodes).filter((g) => !expanded.has(g));
      if (open.length > 0) setExpanded(new Set([...expanded, ...open]));
    }
    setOverlay(next);
  };

  const openCell = async (c: CellRef) => {
    setCell(c);
    setTab('trace');
    setTracing(true);
    try {
      const view = await backend.trace(c.client, c.workspace, whatif?.changes ?? []);
      setTrace(view);
      show({ kind: 'trace', view }, [...view.legs.flatMap((l) => l.nodes), ...view.blockers.flatMap((b) => b.nodes)]);
    } catch (e) {
      setTrace(undefined);
      setAnnounce(`Could not trace ${c.client} → ${c.workspace}: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setTracing(false);
    }
  };

  const showResource = (id: string, nodes: string[] = []) => {
    if (!topology) return;
    const targets = nodes.length > 0 ? nodes : nodesFor(topology, id);
    if (targets.length === 0) {
      setAnnounce(`${id} is not on the picture`);
      return;
    }
    show({ kind: 'finding', nodes: targets }, targets);
  };

  const showFinding = (f: FindingView) => show({ kind: 'finding', nodes: f.nodes }, f.nodes);

  const openDoc = async (kind: 'rules' | 'outcomes', id: string) => {
    const page = await backend.doc(kind, id);
    setDoc(page ? { ...page, kind } : { id, kind, markdown: `No page for ${id}.` });
  };

  const runWhatif = async (changes: string[]) => {
    setWhatifBusy(true);
    setWhatifError(undefined);
    try {
      const view = await backend.whatif(changes);
      setWhatif(view);
      setOverlay(undefined);
      setTrace(undefined);
    } catch (e) {
      setWhatifError(
        e instanceof BackendError ? { message: e.message, problems: e.problems } : { message: String(e), problems: [] },
      );
    } finally {
      setWhatifBusy(false);
    }
  };

  const refresh = async () => {
    if (!backend.refresh) return;
    setRefreshing(true);
    try {
      await backend.refresh();
      setWhatif(undefined);
      setTrace(undefined);
      setOverlay(undefined);
      await load();
      setAnnounce('Read the source again.');
    } catch (e) {
      setAnnounce(`Refresh failed: ${e instanceof Error ? e.message : String(e)}`);
      setLoadError(e instanceof BackendError ? [e.message, ...e.problems.map((p) => p.message)].join('\n') : String(e));
    } finally {
      setRefreshing(false);
    }
  };

  const exportPicture = async (kind: 'png' | 'svg') => {
    const view = picture.current;
    if (!view) return;
    if (kind === 'svg')
      download('wspl-topology.svg', new Blob([pictureSvg(view.cy, pictureBackground())], { type: 'image/svg+xml' }));
    else download('wspl-topology.png', await view.exportPng());
  };

  const o = snapshot.overview;
  return (
    <div class="layout">
      <header class="top">
        <h1>wspl</h1>
        <p class="source" title={o?.source}>
          {o
            ? `${o.source} · ${o.counts.vpcs} VPCs · ${o.counts.clients} clients · ${o.counts.workspaces} WorkSpaces`
            : 'loading…'}
        </p>
        {o && (
          <p class="totals" aria-label="Outcomes">
            {Object.entries(o.outcomes).map(([k, n]) => {
              const look = OUTCOME_LOOK[k as keyof typeof OUTCOME_LOOK];
              return (
                <span key={k} class={`chip tone-${look.tone}`} title={k}>
                  {look.icon} {look.short} {n.toLocaleString()}
                </span>
              );
            })}
          </p>
        )}
        <div class="actions">
          {backend.refresh && (
            <button type="button" onClick={() => void refresh()} disabled={refreshing} title="Read the source again">
              {refreshing ? '⟳ Reading…' : '⟳ Refresh'}
            </button>
          )}
          <button type="button" onClick={() => void exportPicture('svg')}>
            ⤓ SVG
          </button>
          <button type="button" onClick={() => void exportPicture('png')}>
            ⤓ PNG
          </button>
          <button
            type="button"
            onClick={() => setTheme(theme === 'dark' ? 'light' : 'dark')}
            aria-pressed={theme === 'dark'}
          >
            {theme === 'dark' ? '☀ Light' : '☾ Dark'}
          </button>
        </div>
      </header>
      {o && o.warnings.length > 0 && (
        <details class="warnings">
          <summary>
            ▲ {o.warnings.length} {o.warnings.length === 1 ? 'warning' : 'warnings'} from reading the source (what it
            could not tell is shown as unknown)
          </summary>
          <ul>
            {o.warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </details>
      )}
      {loadError && (
        <div class="error" role="alert">
          ✗ {loadError}
        </div>
      )}
      {whatif && (
        <div class="banner" role="status">
          ◆ What-if: the picture and the matrix show the setup after {whatif.changes.length}{' '}
          {whatif.changes.length === 1 ? 'change' : 'changes'} ({whatif.changes.join(', ')}).{' '}
          <button type="button" onClick={() => setWhatif(undefined)}>
            Back to the setup as it is
          </button>
        </div>
      )}
      <main class="main">
        <section class="picture-pane" aria-label="Topology picture">
          <form
            class="tools find"
            onSubmit={(e) => {
              e.preventDefault();
              find(findText);
            }}
          >
            <label>
              Find on the picture{' '}
              <input
                type="search"
                list="picture-names"
                value={findText}
                placeholder="vpc7, vpc1/endpoint-sg, office3…"
                onInput={(e) => setFindText(e.currentTarget.value)}
              />
            </label>
            <button type="submit">Show</button>
            <datalist id="picture-names">
              {names.map((n) => (
                <option key={n} value={n} />
              ))}
            </datalist>
          </form>
          <div
            class="picture"
            ref={pictureBox}
            tabIndex={0}
            role="application"
            aria-roledescription="topology picture"
            aria-label="Topology picture. Arrows move between boxes, Enter opens or closes a group, plus and minus zoom, 0 fits, Shift and arrows pan."
            onKeyDown={(e) => {
              if (picture.current?.handleKey(e)) e.preventDefault();
            }}
          />
          <p class="sr-only" aria-live="polite" id="picture-status">
            {announce}
          </p>
          <p class="legend muted">
            ◉ streaming endpoint · ⇆ NAT · ⇅ gateway · ✳ transit gateway · ⌕ DNS · ▤ directory · ☺ client · arrows: ✓
            passes, ✗ blocked (dashed), ? unknown (dotted) · red tags: blockers · click a closed group (▸) to open it
          </p>
        </section>
        <aside class="side">
          <div role="tablist" aria-label="Views" class="tabs">
            {TABS.map((t, i) => (
              <button
                key={t.id}
                type="button"
                role="tab"
                id={`tab-${t.id}`}
                aria-selected={tab === t.id}
                aria-controls={`panel-${t.id}`}
                tabIndex={tab === t.id ? 0 : -1}
                onClick={() => setTab(t.id)}
                onKeyDown={(e) => {
                  const d = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
                  if (!d) return;
                  const next = TABS[(i + d + TABS.length) % TABS.length];
                  if (next) {
                    setTab(next.id);
                    document.getElementById(`tab-${next.id}`)?.focus();
                  }
                }}
              >
                {t.label}
                {t.id === 'findings' && snapshot.findings
                  ? ` (${snapshot.findings.counts.error}✖ ${snapshot.findings.counts.warning}▲)`
                  : ''}
              </button>
            ))}
          </div>
          <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} class="panel" tabIndex={0}>
            {tab === 'trace' && (
              <TracePanel
                view={trace}
                busy={tracing}
                onResource={showResource}
                onRule={(id) => void openDoc('rules', id)}
                onOutcome={(id) => void openDoc('outcomes', id)}
              />
            )}
            {tab === 'findings' && snapshot.findings && (
              <Findings
                findings={snapshot.findings}
                onFinding={showFinding}
                onRule={(id) => void openDoc('rules', id)}
              />
            )}
            {tab === 'whatif' && snapshot.suggestions && (
              <Whatif
                suggestions={snapshot.suggestions}
                result={whatif}
                busy={whatifBusy}
                error={whatifError}
                onRun={(c) => void runWhatif(c)}
                onReset={() => {
                  setWhatif(undefined);
                  setWhatifError(undefined);
                }}
                onResource={(id) => showResource(id)}
              />
            )}
            {tab === 'node' && (
              <NodePanel
                node={node}
                findings={snapshot.findings?.findings ?? []}
                open={node ? expanded.has(node.id) : false}
                onToggle={(id) =>
                  picture.current &&
                  setExpanded((e) => (e.has(id) ? new Set([...e].filter((x) => x !== id)) : new Set([...e, id])))
                }
                onRule={(id) => void openDoc('rules', id)}
              />
            )}
          </div>
        </aside>
      </main>
      {snapshot.matrix && (
        <Matrix
          matrix={whatif?.after ?? snapshot.matrix}
          before={whatif ? snapshot.matrix : undefined}
          selected={cell}
          onOpen={(c) => void openCell(c)}
        />
      )}
      {doc && <DocDialog page={doc} onClose={() => setDoc(undefined)} />}
      {backend.kind === 'report' && o && (
        <footer class="muted">
          Report of {o.source}, read {o.loadedAt}. Everything in this file works offline: traces and what-if run in the
          page.
        </footer>
      )}
    </div>
  );
}
