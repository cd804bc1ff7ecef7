import { useCallback, useEffect, useState } from 'react';

export interface ApiState<T> {
  data: T | undefined;
  /** Why the last load failed: a `PortalApiError`, whose message says what went wrong in words. */
  error: unknown;
  loading: boolean;
  /** Loads again, for example after a change the page made, or from an error's "Try again". */
  reload: () => void;
  /** Shows data the API answered a change with, without loading again. */
  set: (data: T) => void;
}

/**
 * Loads data for a page and reloads it when `deps` change. An answer that arrives after a newer load started
 * is dropped, so typing fast in a search box never shows the results of an older query.
 */
export function useApi<T>(load: (signal: AbortSignal) => Promise<T>, deps: readonly unknown[]): ApiState<T> {
  const [state, setState] = useState<Pick<ApiState<T>, 'data' | 'error' | 'loading'>>({ data: undefined, error: undefined, loading: true });
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  const set = useCallback((data: T) => setState({ data, error: undefined, loading: false }), []);

  useEffect(() => {
    const controller = new AbortController();
    setState((previous) => ({ ...previous, loading: true }));
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ data, error: undefined, loading: false });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ data: undefined, error, loading: false });
      },
    );
    return () => controller.abort();
    // `load` is a new closure on every render; `deps` say when it means something new.
  }, [...deps, generation]);

  return { ...state, reload, set };
}
