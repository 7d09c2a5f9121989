import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import './styles.css';

const root = document.getElementById('root')!;
const params = new URLSearchParams(window.location.search);
if (params.has('bench')) {
  // The benchmark page (tests/bench/client.bench.ts): loaded on demand, so the app does not carry it.
  void import('./bench/run.ts').then((m) => m.runBench(root, params));
} else {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
