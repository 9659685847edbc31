// Enough Markdown for the rule and outcome pages (headings, paragraphs, lists, code blocks, inline code, bold and
// links), built as elements, never as HTML strings: the pages are ours, but the page should not trust any text.
import type { ComponentChildren } from 'preact';

function inline(text: string, key: string): ComponentChildren[] {
  const out: ComponentChildren[] = [];
  const re = /`([^`]+)`|\*\*([^*]+)\*\*|\[([^\]]+)\]\(([^)\s]+)\)|(https?:\/\/[^\s)]+)/g;
  let last = 0;
  let i = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > last) out.push(text.slice(last, m.index));
    const k = `${key}-${i++}`;
    if (m[1] !== undefined) out.push(<code key={k}>{m[1]}</code>);
    else if (m[2] !== undefined) out.push(<strong key={k}>{m[2]}</strong>);
    else if (m[3] !== undefined) out.push(link(m[3], m[4] ?? '', k));
    else if (m[5] !== undefined) out.push(link(m[5], m[5], k));
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

/** Only web links open (in a new tab, without referrer); a relative link to another page is shown as text. */
function link(label: string, href: string, key: string): ComponentChildren {
  if (!/^https:\/\//.test(href)) return <span key={key}>{label}</span>;
  return (
    <a key={key} href={href} target="_blank" rel="noopener noreferrer">
      {label}
    </a>
  );
}

export function Markdown({ text }: { text: string }) {
  const blocks: ComponentChildren[] = [];
  const lines = text.split('\n');
  let para: string[] = [];
  let list: { ordered: boolean; items: string[] } | undefined;
  const flush = () => {
    const k = `b${blocks.length}`;
    if (para.length > 0) blocks.push(<p key={k}>{inline(para.join(' '), k)}</p>);
    para = [];
    if (list) {
      const items = list.items.map((it, i) => <li key={i}>{inline(it, `${k}-${i}`)}</li>);
      blocks.push(list.ordered ? <ol key={`${k}l`}>{items}</ol> : <ul key={`${k}l`}>{items}</ul>);
      list = undefined;
    }
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.startsWith('```')) {
      flush();
      const code: string[] = [];
      for (i++; i < lines.length && !(lines[i] ?? '').startsWith('```'); i++) code.push(lines[i] ?? '');
      blocks.push(
        <pre key={`b${blocks.length}`}>
          <code>{code.join('\n')}</code>
        </pre>,
      );
      continue;
    }
    const heading = /^(#{1,4})\s+(.*)$/.exec(line);
    const item = /^\s*(?:([-*])|(\d+)\.)\s+(.*)$/.exec(line);
    if (heading) {
      flush();
      const level = Math.min(6, (heading[1]?.length ?? 1) + 2);
      const H = `h${level}` as 'h3';
      blocks.push(<H key={`b${blocks.length}`}>{inline(heading[2] ?? '', `h${blocks.length}`)}</H>);
    } else if (item) {
      if (para.length > 0) flush();
      const ordered = item[2] !== undefined;
      if (list && list.ordered !== ordered) flush();
      list ??= { ordered, items: [] };
      list.items.push(item[3] ?? '');
    } else if (line.trim() === '') {
      flush();
    } else if (list && /^\s+/.test(line)) {
      list.items[list.items.length - 1] = `${list.items[list.items.length - 1] ?? ''} ${line.trim()}`;
    } else if (line.startsWith('>')) {
      flush();
      blocks.push(
        <blockquote key={`b${blocks.length}`}>{inline(line.replace(/^>\s?/, ''), `q${blocks.length}`)}</blockquote>,
      );
    } else {
      if (list) flush();
      para.push(line);
    }
  }
  flush();
  return <div class="markdown">{blocks}</div>;
}
