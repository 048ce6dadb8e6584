import { en } from 'zod/locales';
import { config } from 'zod/mini';

// zod/mini carries no locale, so without one every issue would read "Invalid input". English is set
// once, here, for every module that validates through this one (classic zod sets the same on its own).
config(en());

/**
 * zod/mini: the same validation as classic zod, written with functions (`z.optional(z.string())`) rather
 * than methods. A Lambda builds its schemas at cold start, and classic zod's cost several times more to
 * load and build: some 20 ms of the ingest function's start-up. Import it as `import * as z from` this
 * module; a star re-export keeps it tree-shakable.
 */
export * from 'zod/mini';
