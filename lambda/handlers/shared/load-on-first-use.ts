/**
 * Wraps a loader (typically a dynamic `import()`) so that it runs on the first call and every later call
 * shares its result. A handler keeps a module that only some invocations need off its cold start this way:
 * esbuild leaves the module's code in the bundle but evaluates it only when the loader first runs.
 * A failed load is forgotten, so the next call tries again instead of failing for the life of the sandbox.
 */
export function loadOnFirstUse<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };
}
