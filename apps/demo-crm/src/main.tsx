import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@c2d-console/react/styles.css';
import './demo.css';
import { App } from './App.tsx';

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
