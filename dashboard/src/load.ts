import { useCallback, useEffect, useState } from "preact/hooks";
import { problemText } from "./api/client.ts";

export interface Loaded<T> {
  data: T | null;
  error: string | null;
  loading: boolean;
  reload: () => void;
}

/** Loads once and on reload(), with the loading and error states every view shows. */
export function useLoad<T>(
  load: () => Promise<{ data?: T; error?: unknown }>,
  deps: unknown[] = [],
): Loaded<T> {
  const [state, setState] = useState<{ data: T | null; error: string | null; loading: boolean }>({
    data: null,
    error: null,
    loading: true,
  });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    setState((previous) => ({ ...previous, loading: true }));
    load()
      .then(({ data, error }) => {
        if (live) setState({ data: data ?? null, error: data ? null : problemText(error), loading: false });
      })
      .catch(() => live && setState({ data: null, error: "The server does not answer.", loading: false }));
    return () => {
      live = false;
    };
  }, [round, ...deps]);
  return { ...state, reload: useCallback(() => setRound((n) => n + 1), []) };
}
