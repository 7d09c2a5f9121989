// The app state lives in the URL: reading it on load and on back/forward, writing it on change.
import { useCallback, useEffect, useState } from 'react';
import { parseState, serializeState, type AppState } from './filters.ts';

export function useAppState(): [AppState, (next: Partial<AppState>, opts?: { replace?: boolean }) => void] {
  const [state, setState] = useState<AppState>(() => parseState(window.location.search));
  useEffect(() => {
    const onPop = () => setState(parseState(window.location.search));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const update = useCallback((next: Partial<AppState>, opts: { replace?: boolean } = {}) => {
    setState((prev) => {
      const merged = { ...prev, ...next };
      const url = `${window.location.pathname}${serializeState(merged)}`;
      if (opts.replace) window.history.replaceState(null, '', url);
      else window.history.pushState(null, '', url);
      return merged;
    });
  }, []);
  return [state, update];
}
