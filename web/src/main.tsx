// The page `wspl serve` serves: it asks the server's API.
import { render } from 'preact';
import { App } from './App.js';
import { httpBackend } from './backend.js';
import './style.css';

const root = document.getElementById('app');
if (root) render(<App backend={httpBackend()} />, root);
