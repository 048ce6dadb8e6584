/** A query parameter (or path parameter) the API cannot accept; answered with 400 naming it. */
export class BadParameterError extends Error {
  constructor(
    readonly parameter: string,
    readonly detail: string,
  ) {
    super(`${parameter}: ${detail}`);
    this.name = 'BadParameterError';
  }
}

/** No route, or no alert, at this path; answered with 404. */
export class NotFoundError extends Error {
  constructor(readonly detail: string) {
    super(detail);
    this.name = 'NotFoundError';
  }
}

/** A known path asked with a method it does not serve; answered with 405. */
export class MethodNotAllowedError extends Error {
  constructor(readonly method: string) {
    super(`method not allowed: ${method}`);
    this.name = 'MethodNotAllowedError';
  }
}
