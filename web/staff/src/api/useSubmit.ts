import { useCallback, useState } from 'react';

/**
 * The busy flag and the error of one form's submit: `run(work)` clears the last error, marks busy,
 * and keeps what the server refused (problem+json → fields via fieldErrorsOf) for the form to show.
 * Resolves true when the work succeeded.
 */
export function useSubmit() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = useCallback(async (work: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
      return true;
    } catch (err) {
      setError(err);
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, setError, run };
}
