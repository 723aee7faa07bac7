import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Tokens and global primitives first, so every component's CSS Module comes after them in the
// bundle and a module class wins over a primitive of the same specificity (`.button`).
import './styles/tokens.css';
import './styles/base.css';
import './styles/forms.css';
import { App } from './App';
import { bootstrap } from './api/bootstrap';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// Data loading and the live stream start outside React, once, independent of rendering.
bootstrap();

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
