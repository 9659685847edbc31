// The page inside `wspl report --html`: the model and the views come embedded in the file; traces and what-if run
// here, in the page, so the file works offline and from disk.
import { render } from 'preact';
import { App } from './App.js';
import { inlineBackend, type Embedded } from './inline-backend.js';
import './style.css';

const data = document.getElementById('wspl-data');
const root = document.getElementById('app');
if (data && root) {
  const embedded = JSON.parse(data.textContent) as Embedded;
  render(<App backend={inlineBackend(embedded)} />, root);
}
